/** Every date a user reads is Vietnamese wall-clock time (DESIGN §12), whatever the server's TZ. */
const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A `YYYY-MM-DD` value is already a calendar date; shifting it through a time zone would move it. */
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const vietnamClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  // h23 keeps midnight as 00:00; some ICU builds print 24:00 otherwise.
  hourCycle: 'h23',
});

interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

function wallClockInVietnam(instant: Date): WallClock {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid date');
  const parts: Record<string, string> = {};
  for (const part of vietnamClock.formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: parts.year.padStart(4, '0'),
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
  };
}

/** `dd/mm/yyyy` in Vietnam. A `YYYY-MM-DD` string is a calendar date and is only reformatted. */
export function formatDateVi(date: Date | string): string {
  if (typeof date === 'string') {
    const calendar = CALENDAR_DATE.exec(date);
    if (calendar) return `${calendar[3]}/${calendar[2]}/${calendar[1]}`;
    date = new Date(date);
  }
  const { year, month, day } = wallClockInVietnam(date);
  return `${day}/${month}/${year}`;
}

/** `HH:mm dd/mm/yyyy` in Vietnam, as signature times are written. */
export function formatDateTimeVi(instant: Date): string {
  const { year, month, day, hour, minute } = wallClockInVietnam(instant);
  return `${hour}:${minute} ${day}/${month}/${year}`;
}

/** The calendar date (`YYYY-MM-DD`) in Vietnam at `now` (the Clock's time). */
export function todayInVietnam(now: Date): string {
  const { year, month, day } = wallClockInVietnam(now);
  return `${year}-${month}-${day}`;
}
