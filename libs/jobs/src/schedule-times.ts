import { SCHEDULE_TIME_ZONE } from '@eiso/common';
import { CronExpressionParser } from 'cron-parser';

/** The last time `cron` fired at or before `at`, in Asia/Ho_Chi_Minh. */
export function lastFireAt(cron: string, at: Date): Date {
  // prev() is strictly before its start: a fire exactly at `at` counts as fired.
  const after = new Date(at.getTime() + 1);
  return CronExpressionParser.parse(cron, { tz: SCHEDULE_TIME_ZONE, currentDate: after }).prev().toDate();
}

/** The next time `cron` fires after `at`, in Asia/Ho_Chi_Minh. */
export function nextFireAfter(cron: string, at: Date): Date {
  return CronExpressionParser.parse(cron, { tz: SCHEDULE_TIME_ZONE, currentDate: at }).next().toDate();
}

/**
 * The catch-up decision. A schedule missed a period when it fired (at or before `now`) with no
 * successful run since — or none ever, so a machine that is always off at that hour still runs it.
 * Answers the fire time the catch-up run stands for, or null when nothing was missed. Only the
 * last period counts: a job that missed a week runs once, and handlers do all that is due.
 */
export function missedFire(cron: string, lastSuccess: Date | null, now: Date): Date | null {
  const fired = lastFireAt(cron, now);
  return lastSuccess === null || lastSuccess.getTime() < fired.getTime() ? fired : null;
}
