import { periodBounds, periodLabel, periodProblem, periodsOfYear } from './objective-periods';
import { ObjectiveFrequency } from './objective-state';

describe('periods', () => {
  it('bounds of a month, a quarter and a year (leap February)', () => {
    expect(periodBounds('2024-02')).toMatchObject({
      first: '2024-02-01',
      last: '2024-02-29',
      frequency: 'monthly',
    });
    expect(periodBounds('2026-02')).toMatchObject({ last: '2026-02-28' });
    expect(periodBounds('2026-Q4')).toMatchObject({
      first: '2026-10-01',
      last: '2026-12-31',
      frequency: 'quarterly',
    });
    expect(periodBounds('2026-Q1')).toMatchObject({ first: '2026-01-01', last: '2026-03-31' });
    expect(periodBounds('2026')).toMatchObject({
      first: '2026-01-01',
      last: '2026-12-31',
      frequency: 'yearly',
    });
  });

  it('refuses what is not a period', () => {
    for (const bad of [
      '2026-13',
      '2026-00',
      '2026-1',
      '2026-Q5',
      '2026-Q0',
      '26',
      '2026-03-01',
      '03/2026',
      '',
    ]) {
      expect(periodBounds(bad)).toBeNull();
    }
  });

  it('periods of a year by frequency', () => {
    expect(periodsOfYear(2026, ObjectiveFrequency.Monthly)).toHaveLength(12);
    expect(periodsOfYear(2026, ObjectiveFrequency.Monthly)[11]).toBe('2026-12');
    expect(periodsOfYear(2026, ObjectiveFrequency.Quarterly)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(periodsOfYear(2026, ObjectiveFrequency.Yearly)).toEqual(['2026']);
  });

  it('a period must match the frequency, lie in the year and have begun by today', () => {
    const o = { year: 2026, frequency: ObjectiveFrequency.Monthly };
    expect(periodProblem('2026-03', o, '2026-03-01')).toBeNull();
    expect(periodProblem('2026-04', o, '2026-03-31')).toBe('future');
    expect(periodProblem('2026-Q1', o, '2026-06-01')).toBe('frequency');
    expect(periodProblem('2025-12', o, '2026-06-01')).toBe('year');
    expect(periodProblem('2026-3', o, '2026-06-01')).toBe('shape');
    const q = { year: 2026, frequency: ObjectiveFrequency.Quarterly };
    expect(periodProblem('2026-Q2', q, '2026-04-01')).toBeNull();
    expect(periodProblem('2026-Q2', q, '2026-03-31')).toBe('future');
    expect(
      periodProblem('2026', { year: 2026, frequency: ObjectiveFrequency.Yearly }, '2026-01-01'),
    ).toBeNull();
  });

  it('Vietnamese labels', () => {
    expect(periodLabel('2026-03')).toBe('tháng 03/2026');
    expect(periodLabel('2026-Q2')).toBe('quý 2/2026');
    expect(periodLabel('2026')).toBe('năm 2026');
  });
});
