import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import type { components } from '../../api/schema';
import { api, call } from '../../api/client';
import { formatDate } from '../../ui/dates';
import { QueryState } from '../../ui/QueryState';
import { jsonRegister } from './json-register';
import { RegisterExportButtons } from './RegisterExportButtons';
import { EmptyText } from '../records/EmptyText';

type Entry = components['schemas']['ExternalRegisterEntryResponse'];

/** Danh mục tài liệu bên ngoài đang hiệu lực. */
export function ExternalRegister() {
  const query = useQuery({
    queryKey: ['registers', 'external-documents'],
    queryFn: async () => jsonRegister(await call(api.GET('/api/v1/registers/external-documents'))),
  });
  return (
    <>
      <RegisterExportButtons path="external-documents" title="Danh mục tài liệu bên ngoài" />
      <QueryState query={query}>
        {(data) => (
          <Table<Entry>
            rowKey="versionId"
            style={{ marginTop: 12 }}
            dataSource={data.items}
            pagination={data.items.length > 50 ? { pageSize: 50 } : false}
            caption={<Typography.Text strong>Danh mục tài liệu bên ngoài đang hiệu lực</Typography.Text>}
            locale={{ emptyText: <EmptyText>Chưa có tài liệu bên ngoài nào đang hiệu lực.</EmptyText> }}
            columns={[
              { title: 'STT', dataIndex: 'no', width: 64 },
              { title: 'Mã', dataIndex: 'code' },
              { title: 'Số, ký hiệu', dataIndex: 'numberSymbol', render: (v: string | null) => v ?? '' },
              { title: 'Tên tài liệu', dataIndex: 'title' },
              { title: 'Cơ quan ban hành', dataIndex: 'issuingBody', render: (v: string | null) => v ?? '' },
              {
                title: 'Ngày ban hành',
                dataIndex: 'issuedDate',
                render: (v: string | null) => formatDate(v),
              },
              {
                title: 'Ngày có hiệu lực',
                dataIndex: 'inForceDate',
                render: (v: string | null) => formatDate(v),
              },
              { title: 'Nơi lưu', dataIndex: 'storagePlace', render: (v: string | null) => v ?? '' },
              { title: 'Trạng thái', dataIndex: 'stateLabel' },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
