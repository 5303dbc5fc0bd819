import { addDays, addMonths, daysBetween } from './calendar-date';

describe('calendar dates', () => {
  it('adds days and months across month ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-12-15', 12)).toBe('2028-12-15');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });

  it('counts whole days between two dates, across months and years', () => {
    expect(daysBetween('2027-03-10', '2027-03-13')).toBe(3);
    expect(daysBetween('2027-03-13', '2027-03-10')).toBe(-3);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });
});
