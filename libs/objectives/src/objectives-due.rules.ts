import { addDays } from '@eiso/common';
import { periodBounds, periodsOfYear } from './objective-periods';
import { ObjectiveFrequency } from './objective-state';

/** A period's figure is due this many days after the period ends. */
export const MEASUREMENT_GRACE_DAYS = 5;

/**
 * The periods objectives.due reminds of on `today` (YYYY-MM-DD): every period of the current year,
 * and the last period of last year, that ended more than MEASUREMENT_GRACE_DAYS days ago without
 * a measurement.
 */
export function missingPeriods(
  objective: { year: number; frequency: ObjectiveFrequency },
  measured: ReadonlySet<string>,
  today: string,
): string[] {
  const currentYear = Number(today.slice(0, 4));
  const all = periodsOfYear(objective.year, objective.frequency);
  const candidates =
    objective.year === currentYear ? all : objective.year === currentYear - 1 ? all.slice(-1) : [];
  return candidates.filter(
    (p) => !measured.has(p) && addDays(periodBounds(p)!.last, MEASUREMENT_GRACE_DAYS) < today,
  );
}
