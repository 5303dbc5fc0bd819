import { CronExpressionParser } from 'cron-parser';
import { addMonths, JOB_SCHEDULES, JobName, SCHEDULE_TIME_ZONE } from '@eiso/common';

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

/**
 * When the daily `records.retention` run moves a record whose retention ends on `retentionEnd` to
 * `due_for_disposal`: the first run from that day on (Vietnam time) that is still to come.
 */
export function becomesDueAt(retentionEnd: string, now: Date): Date {
  const schedule = JOB_SCHEDULES.find((s) => s.job === JobName.RecordsRetention);
  if (!schedule) throw new Error(`${JobName.RecordsRetention} has no schedule`);
  // Asia/Ho_Chi_Minh is UTC+7 all year; a millisecond earlier, so that a run at 00:00 counts.
  const dayStarts = new Date(`${retentionEnd}T00:00:00+07:00`).getTime() - 1;
  const after = new Date(Math.max(now.getTime(), dayStarts));
  return CronExpressionParser.parse(schedule.cron, { tz: SCHEDULE_TIME_ZONE, currentDate: after })
    .next()
    .toDate();
}
