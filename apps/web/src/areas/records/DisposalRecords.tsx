import { useQueries } from '@tanstack/react-query';
import { Table, Typography } from 'antd';

import { api, call } from '../../api/client';
import { formatDate } from '../../ui/dates';
import { RecordStateTag } from './RecordStateTag';
import type { RecordItem } from './types';
import { AppLink } from '../../ui/AppLink';

/**
 * The records of a batch. The batch names them by id only (the record list has no batch filter),
 * so each is read on its own.
 */
export function DisposalRecords({ recordIds }: { recordIds: string[] }) {
  const results = useQueries({
    queries: recordIds.map((id) => ({
      queryKey: ['records', 'detail', id],
      queryFn: () => call(api.GET('/api/v1/records/{id}', { params: { path: { id } } })),
    })),
  });
  const rows = results.flatMap((r) => (r.data ? [r.data] : []));
  return (
    <Table<RecordItem>
      rowKey="id"
      size="small"
      loading={results.some((r) => r.isPending)}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      caption={<Typography.Text strong>Hồ sơ của đợt hủy</Typography.Text>}
      columns={[
        {
          title: 'Tên hồ sơ',
          dataIndex: 'title',
          render: (title: string, r) => <AppLink to={`/records/${r.id}`}>{title}</AppLink>,
        },
        { title: 'Số, ký hiệu', dataIndex: 'reference', render: (v: string | null) => v ?? '' },
        { title: 'Loại hồ sơ', key: 'type', render: (_, r) => `${r.recordType.code} – ${r.recordType.name}` },
        { title: 'Lưu trữ đến', dataIndex: 'retentionEnd', render: (v: string | null) => formatDate(v) },
        { title: 'Số tệp', key: 'files', render: (_, r) => (r.files ?? []).length },
        { title: 'Trạng thái', key: 'state', render: (_, r) => <RecordStateTag record={r} /> },
      ]}
    />
  );
}
