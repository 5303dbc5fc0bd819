import { Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { formatDate } from '../../ui/dates';
import { STATE_LABELS, TAG_COLORS, type VersionView } from './labels';

interface Row {
  key: string;
  field: string;
  mine: ReactNode;
  inForce: ReactNode;
  changed: boolean;
}

const list = (values: string[]) => values.join(', ');
const files = (version: VersionView) =>
  version.files
    .map((f) => `${f.name}`)
    .sort()
    .join('; ');
const fileHashes = (version: VersionView) =>
  version.files
    .map((f) => `${f.kind}:${f.sha256}`)
    .sort()
    .join();

/**
 * This version's details beside the version in force; a changed line carries the words
 * "Đã thay đổi" (and is highlighted), so the difference does not rest on colour alone.
 */
export function VersionDiff({
  version,
  inForce,
}: {
  version: VersionView;
  inForce: VersionView | undefined;
}) {
  const line = (key: string, field: string, pick: (v: VersionView) => string, compare = pick): Row => ({
    key,
    field,
    mine: pick(version),
    inForce: inForce ? pick(inForce) : '',
    changed: inForce !== undefined && compare(version) !== compare(inForce),
  });
  const rows: Row[] = [
    line('state', 'Trạng thái', (v) => STATE_LABELS[v.state]),
    line('revision', 'Lần sửa đổi', (v) => String(v.revision)),
    line('issue', 'Lần ban hành', (v) => (v.issueNumber === null ? '' : String(v.issueNumber))),
    line('effective', 'Ngày hiệu lực', (v) => formatDate(v.effectiveFrom)),
    line('title', 'Tên tài liệu', (v) => v.title),
    line('summary', 'Nội dung sửa đổi', (v) => v.changeSummary ?? ''),
    line('iso', 'Điều khoản ISO 9001', (v) => list(v.isoClauses)),
    line('tthc', 'Mã thủ tục hành chính', (v) => list(v.tthcCodes)),
    line('files', 'Tệp', files, fileHashes),
  ];
  const compared = inForce !== undefined && inForce.id !== version.id;
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      caption={
        <span style={{ display: 'block', textAlign: 'left', fontWeight: 600 }}>
          {compared ? 'So sánh với phiên bản đang hiệu lực' : 'Thông tin phiên bản'}
        </span>
      }
      rowClassName={(row) => (compared && row.changed ? 'documents-diff-changed' : '')}
      onRow={(row) => ({ style: compared && row.changed ? { background: '#fffbe6' } : undefined })}
      columns={[
        { title: 'Thông tin', dataIndex: 'field', width: 200 },
        { title: 'Phiên bản này', dataIndex: 'mine' },
        ...(compared
          ? [
              { title: 'Phiên bản đang hiệu lực', dataIndex: 'inForce' },
              {
                title: 'So sánh',
                width: 140,
                render: (_: unknown, row: Row) =>
                  row.changed ? <Tag color={TAG_COLORS.gold}>Đã thay đổi</Tag> : <span>Không đổi</span>,
              },
            ]
          : []),
      ]}
    />
  );
}
