import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import type { components } from '../../api/schema';
import { api, call } from '../../api/client';
import { formatDate } from '../../ui/dates';
import { QueryState } from '../../ui/QueryState';
import { jsonRegister } from './json-register';
import { RegisterExportButtons } from './RegisterExportButtons';
import { EmptyText } from '../records/EmptyText';

type Entry = components['schemas']['InternalRegisterEntryResponse'];

/** Danh mục tài liệu nội bộ đang hiệu lực. */
export function InternalRegister() {
  const query = useQuery({
    queryKey: ['registers', 'internal-documents'],
    queryFn: async () => jsonRegister(await call(api.GET('/api/v1/registers/internal-documents'))),
  });
  return (
    <>
      <RegisterExportButtons path="internal-documents" title="Danh mục tài liệu nội bộ" />
      <QueryState query={query}>
        {(data) => (
          <Table<Entry>
            rowKey="versionId"
            style={{ marginTop: 12 }}
            dataSource={data.items}
            pagination={data.items.length > 50 ? { pageSize: 50 } : false}
            caption={<Typography.Text strong>Danh mục tài liệu nội bộ đang hiệu lực</Typography.Text>}
            locale={{ emptyText: <EmptyText>Chưa có tài liệu nội bộ nào đang hiệu lực.</EmptyText> }}
            columns={[
              { title: 'STT', dataIndex: 'no', width: 64 },
              { title: 'Mã', dataIndex: 'code' },
              { title: 'Tên tài liệu', dataIndex: 'title' },
              { title: 'Loại', dataIndex: 'typeLabel' },
              { title: 'Lần ban hành', dataIndex: 'issueNumber' },
              { title: 'Ngày hiệu lực', dataIndex: 'effectiveFrom', render: (v: string) => formatDate(v) },
              {
                title: 'Phòng, ban chủ trì',
                dataIndex: 'ownerOrgUnit',
                render: (v: string | null) => v ?? '',
              },
              {
                title: 'Xem xét lại',
                dataIndex: 'nextReviewDate',
                render: (v: string | null) => formatDate(v),
              },
              { title: 'Trạng thái', dataIndex: 'stateLabel' },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
