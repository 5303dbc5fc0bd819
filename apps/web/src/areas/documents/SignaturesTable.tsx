import { Table } from 'antd';
import { formatDateTime } from '../../ui/dates';
import type { SignatureView } from './labels';

/** Who signed the version, as what, in which position and when. */
export function SignaturesTable({ signatures }: { signatures: SignatureView[] }) {
  return (
    <Table<SignatureView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={signatures}
      locale={{ emptyText: 'Chưa có chữ ký nào.' }}
      columns={[
        { title: 'Ý nghĩa', dataIndex: 'meaningLabel' },
        { title: 'Người ký', dataIndex: 'signerName' },
        { title: 'Chức vụ', dataIndex: 'signerPosition', render: (value: string | null) => value ?? '' },
        { title: 'Thời điểm ký', dataIndex: 'signedAt', render: (value: string) => formatDateTime(value) },
        { title: 'Ý kiến', dataIndex: 'comment', render: (value: string | null) => value ?? '' },
        {
          title: 'Mã băm nội dung',
          dataIndex: 'contentHash',
          render: (value: string) => <code title={value}>{value.slice(0, 12)}…</code>,
        },
      ]}
    />
  );
}
