import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import type { components } from '../../api/schema';
import { api, call } from '../../api/client';
import { QueryState } from '../../ui/QueryState';
import { jsonRegister } from './json-register';
import { RegisterExportButtons } from './RegisterExportButtons';
import { EmptyText } from '../records/EmptyText';

type Entry = components['schemas']['RecordRegisterEntryResponse'];

/** Danh mục hồ sơ: record types with retention, storage place and the unit keeping them. */
export function RecordRegister() {
  const query = useQuery({
    queryKey: ['registers', 'records'],
    queryFn: async () => jsonRegister(await call(api.GET('/api/v1/registers/records'))),
  });
  return (
    <>
      <RegisterExportButtons path="records" title="Danh mục hồ sơ" />
      <QueryState query={query}>
        {(data) => (
          <Table<Entry>
            rowKey="recordTypeId"
            style={{ marginTop: 12 }}
            dataSource={data.items}
            pagination={data.items.length > 50 ? { pageSize: 50 } : false}
            caption={<Typography.Text strong>Danh mục hồ sơ</Typography.Text>}
            locale={{ emptyText: <EmptyText>Danh mục hồ sơ chưa có loại hồ sơ nào.</EmptyText> }}
            columns={[
              { title: 'STT', dataIndex: 'no', width: 64 },
              { title: 'Mã', dataIndex: 'code' },
              { title: 'Tên loại hồ sơ', dataIndex: 'name' },
              { title: 'Quy trình', dataIndex: 'documentCode', render: (v: string | null) => v ?? '' },
              { title: 'Thời hạn lưu trữ', dataIndex: 'retentionLabel' },
              { title: 'Nơi lưu', dataIndex: 'storagePlace' },
              {
                title: 'Đơn vị lưu giữ',
                dataIndex: 'responsibleOrgUnit',
                render: (v: string | null) => v ?? '',
              },
              { title: 'Số hồ sơ đang lưu', dataIndex: 'recordsKept' },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
