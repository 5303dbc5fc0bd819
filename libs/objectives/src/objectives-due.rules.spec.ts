import { ObjectiveFrequency } from './objective-state';
import { missingPeriods } from './objectives-due.rules';

describe('missingPeriods', () => {
  const monthly2026 = { year: 2026, frequency: ObjectiveFrequency.Monthly };

  it('a month is due more than 5 days after it ends', () => {
    // March ends 31/03: reminded from 06/04, not on 05/04.
    expect(missingPeriods(monthly2026, new Set(['2026-01', '2026-02']), '2026-04-05')).toEqual([]);
    expect(missingPeriods(monthly2026, new Set(['2026-01', '2026-02']), '2026-04-06')).toEqual(['2026-03']);
  });

  it('every past month of the year without a figure, not the measured ones', () => {
    expect(missingPeriods(monthly2026, new Set(['2026-02']), '2026-04-10')).toEqual(['2026-01', '2026-03']);
  });

  it('last year: only its last period; earlier years: nothing', () => {
    expect(
      missingPeriods({ year: 2025, frequency: ObjectiveFrequency.Monthly }, new Set(), '2026-01-10'),
    ).toEqual(['2025-12']);
    expect(
      missingPeriods({ year: 2025, frequency: ObjectiveFrequency.Quarterly }, new Set(), '2026-01-06'),
    ).toEqual(['2025-Q4']);
    expect(
      missingPeriods({ year: 2025, frequency: ObjectiveFrequency.Quarterly }, new Set(), '2026-01-05'),
    ).toEqual([]);
    expect(
      missingPeriods({ year: 2024, frequency: ObjectiveFrequency.Yearly }, new Set(), '2026-01-10'),
    ).toEqual([]);
  });

  it('a yearly objective of this year is never due within the year', () => {
    expect(
      missingPeriods({ year: 2026, frequency: ObjectiveFrequency.Yearly }, new Set(), '2026-12-31'),
    ).toEqual([]);
  });
});
