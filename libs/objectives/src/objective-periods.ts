import { ObjectiveFrequency } from './objective-state';

/** A measurement period: `YYYY-MM` (month), `YYYY-Qn` (quarter) or `YYYY` (year). */
export interface PeriodBounds {
  period: string;
  frequency: ObjectiveFrequency;
  year: number;
  /** First and last calendar day, YYYY-MM-DD. */
  first: string;
  last: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The bounds of a period written in any of the three shapes; null when it is none of them. */
export function periodBounds(period: string): PeriodBounds | null {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return {
      period,
      frequency: ObjectiveFrequency.Monthly,
      year,
      first: `${m[1]}-${m[2]}-01`,
      last: `${m[1]}-${m[2]}-${pad(lastDayOfMonth(year, month))}`,
    };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const year = Number(m[1]);
    const q = Number(m[2]);
    const lastMonth = q * 3;
    return {
      period,
      frequency: ObjectiveFrequency.Quarterly,
      year,
      first: `${m[1]}-${pad(lastMonth - 2)}-01`,
      last: `${m[1]}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`,
    };
  }
  m = /^(\d{4})$/.exec(period);
  if (m) {
    return {
      period,
      frequency: ObjectiveFrequency.Yearly,
      year: Number(m[1]),
      first: `${m[1]}-01-01`,
      last: `${m[1]}-12-31`,
    };
  }
  return null;
}

/** Every period of a year at a frequency, in order. */
export function periodsOfYear(year: number, frequency: ObjectiveFrequency): string[] {
  switch (frequency) {
    case ObjectiveFrequency.Monthly:
      return Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`);
    case ObjectiveFrequency.Quarterly:
      return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
    case ObjectiveFrequency.Yearly:
      return [String(year)];
  }
}

export function periodCount(frequency: ObjectiveFrequency): number {
  return frequency === ObjectiveFrequency.Monthly ? 12 : frequency === ObjectiveFrequency.Quarterly ? 4 : 1;
}

export type PeriodProblem = 'shape' | 'frequency' | 'year' | 'future';

/**
 * Why a period cannot take a measurement of an objective of this year and frequency, or null:
 * its shape must match the frequency, it must lie in the year, and it must have begun by `today`.
 */
export function periodProblem(
  period: string,
  objective: { year: number; frequency: ObjectiveFrequency },
  today: string,
): PeriodProblem | null {
  const bounds = periodBounds(period);
  if (!bounds) return 'shape';
  if (bounds.frequency !== objective.frequency) return 'frequency';
  if (bounds.year !== objective.year) return 'year';
  if (bounds.first > today) return 'future';
  return null;
}

/** "tháng 03/2026", "quý 2/2026", "năm 2026". */
export function periodLabel(period: string): string {
  const b = periodBounds(period);
  if (!b) return period;
  if (b.frequency === ObjectiveFrequency.Monthly) return `tháng ${period.slice(5, 7)}/${b.year}`;
  if (b.frequency === ObjectiveFrequency.Quarterly) return `quý ${period.slice(6)}/${b.year}`;
  return `năm ${b.year}`;
}

/** An example period of the frequency, for messages. */
export function periodExample(frequency: ObjectiveFrequency, year: number): string {
  return periodsOfYear(year, frequency)[0];
}
