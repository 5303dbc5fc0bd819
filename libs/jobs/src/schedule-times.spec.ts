import { JOB_SCHEDULES } from '@eiso/common';
import { lastFireAt, missedFire, nextFireAfter } from './schedule-times';

/** 00:30 in Hà Nội (UTC+7) is 17:30 UTC the day before. */
const RETENTION = '30 0 * * *';
const at = (iso: string) => new Date(iso);

describe('the catch-up decision (missedFire)', () => {
  it('is due when the job never succeeded: a PC always off at 00:30 still runs it', () => {
    expect(missedFire(RETENTION, null, at('2026-03-02T03:00:00Z'))).toEqual(at('2026-03-01T17:30:00Z'));
  });

  it('is due when the last success is older than the last fire (the PC was off at 00:30)', () => {
    const lastSuccess = at('2026-02-28T17:30:02Z'); // 00:30 on 01/03
    const now = at('2026-03-02T01:00:00Z'); // 08:00 on 02/03, after the 00:30 it slept through
    expect(missedFire(RETENTION, lastSuccess, now)).toEqual(at('2026-03-01T17:30:00Z'));
  });

  it('is not due when a run succeeded after the last fire', () => {
    const now = at('2026-03-02T01:00:00Z');
    expect(missedFire(RETENTION, at('2026-03-01T17:30:01Z'), now)).toBeNull();
    // A manual run during the day also covers the period.
    expect(missedFire(RETENTION, at('2026-03-02T00:15:00Z'), now)).toBeNull();
  });

  it('is not due before the first fire of the day when yesterday ran', () => {
    const yesterday = at('2026-02-28T17:30:05Z'); // 00:30 on 01/03
    expect(missedFire(RETENTION, yesterday, at('2026-03-01T17:29:59Z'))).toBeNull(); // 00:29:59 on 02/03
  });

  it('counts a fire at exactly now as fired, and a success at exactly the fire time as covering it', () => {
    const fire = at('2026-03-01T17:30:00Z');
    expect(missedFire(RETENTION, at('2026-02-28T17:30:00Z'), fire)).toEqual(fire);
    expect(missedFire(RETENTION, fire, fire)).toBeNull();
  });

  it('asks for one run only, for the last period, however many were missed', () => {
    const weekAgo = at('2026-02-22T17:30:00Z');
    expect(missedFire(RETENTION, weekAgo, at('2026-03-02T01:00:00Z'))).toEqual(at('2026-03-01T17:30:00Z'));
  });

  it('reads every cron in Vietnam time, whatever the machine zone', () => {
    // 06:00 in Hà Nội is 23:00 UTC: at 22:59 UTC the last 06:00 was a day earlier.
    expect(lastFireAt('0 6 * * *', at('2026-03-01T22:59:00Z'))).toEqual(at('2026-02-28T23:00:00Z'));
    expect(lastFireAt('0 6 * * *', at('2026-03-01T23:00:00Z'))).toEqual(at('2026-03-01T23:00:00Z'));
    expect(nextFireAfter('0 6 * * *', at('2026-03-01T23:00:00Z'))).toEqual(at('2026-03-02T23:00:00Z'));
  });

  it('works for every schedule of JOB_SCHEDULES', () => {
    const now = at('2026-03-02T01:00:00Z');
    for (const s of JOB_SCHEDULES) {
      const fired = lastFireAt(s.cron, now);
      expect(fired.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(missedFire(s.cron, null, now)).toEqual(fired);
      expect(missedFire(s.cron, new Date(fired.getTime() - 1), now)).toEqual(fired);
      expect(missedFire(s.cron, fired, now)).toBeNull();
      expect(nextFireAfter(s.cron, now).getTime()).toBeGreaterThan(now.getTime());
    }
  });
});
