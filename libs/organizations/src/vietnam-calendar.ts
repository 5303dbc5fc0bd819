const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** Today's date (`YYYY-MM-DD`) in Vietnam (UTC+7), the calendar agencies work in. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
