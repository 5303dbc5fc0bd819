import { formatDateTimeVi, JOB_SCHEDULES, JobName } from '@eiso/common';
import { becomesDueAt, retentionEndOf, retentionLabel } from './retention';

describe('retention', () => {
  it('ends the type’s months after the record’s date', () => {
    expect(retentionEndOf('2021-03-15', { months: 60, permanent: false })).toBe('2026-03-15');
    expect(retentionEndOf('2025-12-01', { months: 1, permanent: false })).toBe('2026-01-01');
  });

  it('clamps to the last day of a shorter month, as PostgreSQL does', () => {
    expect(retentionEndOf('2024-01-31', { months: 1, permanent: false })).toBe('2024-02-29');
    expect(retentionEndOf('2023-08-31', { months: 18, permanent: false })).toBe('2025-02-28');
  });

  it('never ends for permanent types', () => {
    expect(retentionEndOf('2001-01-01', { months: null, permanent: true })).toBeNull();
  });

  it('writes the period in years when it is whole years', () => {
    expect(retentionLabel({ months: 60, permanent: false })).toBe('5 năm');
    expect(retentionLabel({ months: 18, permanent: false })).toBe('18 tháng');
    expect(retentionLabel({ months: null, permanent: true })).toBe('Vĩnh viễn');
  });

  describe('when the daily run moves a record', () => {
    const schedule = JOB_SCHEDULES.find((j) => j.job === JobName.RecordsRetention)!;

    it('is the run at 00:30 (Vietnam) on the day retention ends', () => {
      expect(schedule.cron).toBe('30 0 * * *');
      const now = new Date('2027-01-10T02:00:00Z');
      const run = becomesDueAt('2027-12-31', now);
      expect(run.toISOString()).toBe('2027-12-30T17:30:00.000Z');
      expect(formatDateTimeVi(run)).toBe('00:30 31/12/2027');
    });

    it('is the next run when retention has ended but no run has moved it yet', () => {
      // 00:10 on 10/01/2027 in Vietnam: today's run is still to come.
      expect(becomesDueAt('2027-01-10', new Date('2027-01-09T17:10:00Z')).toISOString()).toBe(
        '2027-01-09T17:30:00.000Z',
      );
      // 09:00: today's run is past (the record was held then, say), so tomorrow's.
      expect(becomesDueAt('2027-01-05', new Date('2027-01-10T02:00:00Z')).toISOString()).toBe(
        '2027-01-10T17:30:00.000Z',
      );
    });
  });
});
