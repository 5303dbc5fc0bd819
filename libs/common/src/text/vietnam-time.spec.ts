import { formatDateTimeVi, formatDateVi, todayInVietnam } from './vietnam-time';

describe('Vietnam time', () => {
  it('shows an instant as the date in Vietnam, not in UTC', () => {
    expect(formatDateVi(new Date('2026-11-29T18:30:00Z'))).toBe('30/11/2026');
    expect(formatDateVi(new Date('2026-11-29T16:59:59Z'))).toBe('29/11/2026');
    expect(formatDateVi('2026-11-29T18:30:00Z')).toBe('30/11/2026');
  });

  it('formats a calendar date string as is, without a time-zone shift', () => {
    expect(formatDateVi('2026-12-01')).toBe('01/12/2026');
    expect(formatDateVi('2027-01-31')).toBe('31/01/2027');
  });

  it('shows signature times as HH:mm dd/mm/yyyy in Vietnam', () => {
    expect(formatDateTimeVi(new Date('2026-11-29T18:30:00Z'))).toBe('01:30 30/11/2026');
    expect(formatDateTimeVi(new Date('2026-11-29T17:00:00Z'))).toBe('00:00 30/11/2026');
    expect(formatDateTimeVi(new Date('2026-12-31T16:59:00Z'))).toBe('23:59 31/12/2026');
  });

  it("gives today's calendar date in Vietnam", () => {
    expect(todayInVietnam(new Date('2026-11-29T16:59:59Z'))).toBe('2026-11-29');
    expect(todayInVietnam(new Date('2026-11-29T17:00:00Z'))).toBe('2026-11-30');
  });

  it('refuses an invalid date instead of printing NaN', () => {
    expect(() => formatDateVi('not a date')).toThrow(RangeError);
    expect(() => formatDateTimeVi(new Date(Number.NaN))).toThrow(RangeError);
  });
});
