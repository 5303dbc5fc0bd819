import { addMonths } from '@eiso/common';

/** A type keeps its records for a number of months, or for ever. */
export interface Retention {
  months: number | null;
  permanent: boolean;
}

/** The day retention ends: the record's date plus the type's months; null when kept for ever. */
export function retentionEndOf(recordDate: string, retention: Retention): string | null {
  if (retention.permanent || retention.months === null) return null;
  return addMonths(recordDate, retention.months);
}

/** "5 năm", "18 tháng", "Vĩnh viễn": how the Danh mục hồ sơ writes a retention period. */
export function retentionLabel(retention: Retention): string {
  if (retention.permanent || retention.months === null) return 'Vĩnh viễn';
  return retention.months % 12 === 0 ? `${retention.months / 12} năm` : `${retention.months} tháng`;
}
