import type { StatusTone } from './StatusTag';
import type { DisposalState, RecordState } from './types';

/** Record states as the screens name them (the tag also shows the text, never colour alone). */
export const RECORD_STATE_LABELS: Record<RecordState, string> = {
  active: 'Đang lưu trữ',
  due_for_disposal: 'Đến hạn hủy',
  disposed: 'Đã hủy',
};

export const RECORD_STATE_COLORS: Record<RecordState, StatusTone> = {
  active: 'green',
  due_for_disposal: 'orange',
  disposed: 'grey',
};

export const DISPOSAL_STATE_LABELS: Record<DisposalState, string> = {
  proposed: 'Chờ phê duyệt',
  approved: 'Đã phê duyệt',
  completed: 'Đã hủy xong',
  rejected: 'Bị từ chối',
};

export const DISPOSAL_STATE_COLORS: Record<DisposalState, StatusTone> = {
  proposed: 'gold',
  approved: 'blue',
  completed: 'green',
  rejected: 'red',
};

/** A retention period: "Vĩnh viễn", "x năm" for whole years, otherwise "x tháng". */
export function retentionText(months: number | null, permanent: boolean): string {
  if (permanent || months === null) return 'Vĩnh viễn';
  if (months % 12 === 0) return `${months / 12} năm`;
  return `${months} tháng`;
}

/** A file size for people: byte, KB, MB. */
export function fileSizeText(size: number): string {
  if (size < 1024) return `${size} byte`;
  if (size < 1024 * 1024) return `${(size / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} KB`;
  return `${(size / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}
