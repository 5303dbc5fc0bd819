import { useQuery } from '@tanstack/react-query';
import { Flex, Table, Typography } from 'antd';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { formatDateTime } from '../../ui/dates';
import { QueryState } from '../../ui/QueryState';
import { useOrgUnits } from '../../ui/org-units';

type Pending = components['schemas']['PendingAcknowledgerResponse'];
type Done = components['schemas']['AcknowledgerResponse'];

/** Who on the distribution list has confirmed reading the version, and who has not yet. */
export function AcknowledgementsReport({ documentId, versionId }: { documentId: string; versionId: string }) {
  const units = useOrgUnits();
  const report = useQuery({
    queryKey: ['documents', 'acknowledgements', versionId],
    queryFn: () =>
      call(
        api.GET('/api/v1/documents/{id}/versions/{vid}/acknowledgements', {
          params: { path: { id: documentId, vid: versionId } },
        }),
      ),
  });
  const unitName = (id: string | null) => units.data?.find((u) => u.id === id)?.name ?? '';
  return (
    <QueryState query={report}>
      {(data) => (
        <Flex vertical gap={16}>
          <Table<Pending>
            rowKey="userId"
            size="small"
            pagination={false}
            dataSource={data.pending}
            caption={
              <Typography.Text strong style={{ display: 'block', textAlign: 'left' }}>
                Chưa xác nhận đọc ({data.pending.length})
              </Typography.Text>
            }
            locale={{ emptyText: 'Mọi người trong danh sách phân phối đã xác nhận đọc.' }}
            columns={[
              { title: 'Họ và tên', dataIndex: 'fullName' },
              { title: 'Tên đăng nhập', dataIndex: 'username' },
              { title: 'Phòng, ban', dataIndex: 'orgUnitId', render: (id: string | null) => unitName(id) },
            ]}
          />
          <Table<Done>
            rowKey="userId"
            size="small"
            pagination={false}
            dataSource={data.acknowledged}
            caption={
              <Typography.Text strong style={{ display: 'block', textAlign: 'left' }}>
                Đã xác nhận đọc ({data.acknowledged.length})
              </Typography.Text>
            }
            locale={{ emptyText: 'Chưa có ai xác nhận đọc.' }}
            columns={[
              { title: 'Họ và tên', dataIndex: 'fullName' },
              { title: 'Tên đăng nhập', dataIndex: 'username' },
              {
                title: 'Thời điểm xác nhận',
                dataIndex: 'acknowledgedAt',
                render: (v: string) => formatDateTime(v),
              },
              {
                title: 'Trong danh sách phân phối',
                dataIndex: 'listed',
                render: (listed: boolean) => (listed ? 'Có' : 'Không'),
              },
            ]}
          />
        </Flex>
      )}
    </QueryState>
  );
}
