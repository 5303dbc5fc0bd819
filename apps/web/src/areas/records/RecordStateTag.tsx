import { Space } from 'antd';
import { RECORD_STATE_COLORS, RECORD_STATE_LABELS } from './labels';
import { StatusTag } from './StatusTag';
import type { RecordItem } from './types';

/** A record's state, with "Đang phong tỏa" beside it while a hold stands. */
export function RecordStateTag({ record }: { record: Pick<RecordItem, 'state' | 'onHold'> }) {
  return (
    <Space size={4} wrap>
      <StatusTag tone={RECORD_STATE_COLORS[record.state]}>{RECORD_STATE_LABELS[record.state]}</StatusTag>
      {record.onHold ? <StatusTag tone="purple">Đang phong tỏa</StatusTag> : null}
    </Space>
  );
}
