import { periodBounds, periodCount } from './objective-periods';
import {
  ObjectiveAggregation,
  ObjectiveDirection,
  ObjectiveFrequency,
  ObjectiveStatus,
} from './objective-state';

export interface StatusObjective {
  year: number;
  direction: ObjectiveDirection;
  target: number;
  frequency: ObjectiveFrequency;
  aggregation: ObjectiveAggregation;
}

export interface StatusMeasurement {
  period: string;
  value: number;
}

/** Results are rounded to 6 decimals so that sums of decimals compare as people expect. */
export function roundResult(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function meetsTarget(
  objective: Pick<StatusObjective, 'direction' | 'target'>,
  value: number,
): boolean {
  return objective.direction === ObjectiveDirection.AtLeast
    ? value >= objective.target
    : value <= objective.target;
}

/** The aggregation over measurements (any order); null when there are none. */
export function aggregate(
  aggregation: ObjectiveAggregation,
  measurements: readonly StatusMeasurement[],
): number | null {
  if (!measurements.length) return null;
  if (aggregation === ObjectiveAggregation.Latest) {
    return latestOf(measurements).value;
  }
  const sum = measurements.reduce((acc, m) => acc + m.value, 0);
  return roundResult(aggregation === ObjectiveAggregation.Sum ? sum : sum / measurements.length);
}

function latestOf(measurements: readonly StatusMeasurement[]): StatusMeasurement {
  return [...measurements].sort((a, b) => (firstDay(a.period) < firstDay(b.period) ? -1 : 1)).at(-1)!;
}

function firstDay(period: string): string {
  return periodBounds(period)?.first ?? period;
}

export interface ObjectiveStatusResult {
  status: ObjectiveStatus;
  /** The aggregation over the measurements considered; null without any. */
  result: number | null;
  /** For a sum in progress: the sum projected over the whole year. */
  projection: number | null;
}

/**
 * The objective's status on `asOf` (YYYY-MM-DD). Only measurements whose period began by `asOf`
 * count. None: no_data. The year over (asOf after 31/12) or every period measured: on_track when
 * the result meets the target, else missed. In progress: a sum is judged on its projection over
 * the year's periods; an average or latest value is on track when both the result and the latest
 * measurement meet the target, else at risk.
 */
export function objectiveStatusOf(
  objective: StatusObjective,
  measurements: readonly StatusMeasurement[],
  asOf: string,
): ObjectiveStatusResult {
  const considered = measurements.filter((m) => firstDay(m.period) <= asOf);
  const result = aggregate(objective.aggregation, considered);
  if (result === null) return { status: ObjectiveStatus.NoData, result: null, projection: null };
  const periods = periodCount(objective.frequency);
  const measured = new Set(considered.map((m) => m.period)).size;
  const yearOver = asOf > `${objective.year}-12-31`;
  if (yearOver || measured >= periods) {
    return {
      status: meetsTarget(objective, result) ? ObjectiveStatus.OnTrack : ObjectiveStatus.Missed,
      result,
      projection: null,
    };
  }
  if (objective.aggregation === ObjectiveAggregation.Sum) {
    const projection = roundResult((result / measured) * periods);
    return {
      status: meetsTarget(objective, projection) ? ObjectiveStatus.OnTrack : ObjectiveStatus.AtRisk,
      result,
      projection,
    };
  }
  const latest = latestOf(considered);
  const onTrack = meetsTarget(objective, result) && meetsTarget(objective, latest.value);
  return { status: onTrack ? ObjectiveStatus.OnTrack : ObjectiveStatus.AtRisk, result, projection: null };
}

/** The status alone (see objectiveStatusOf). */
export function objectiveStatus(
  objective: StatusObjective,
  measurements: readonly StatusMeasurement[],
  asOf: string,
): ObjectiveStatus {
  return objectiveStatusOf(objective, measurements, asOf).status;
}
