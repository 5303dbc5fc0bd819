import {
  ObjectiveAggregation,
  ObjectiveDirection,
  ObjectiveFrequency,
  ObjectiveStatus,
} from './objective-state';
import { aggregate, meetsTarget, objectiveStatus, objectiveStatusOf } from './objective-status';

const monthly = (
  direction: ObjectiveDirection,
  target: number,
  aggregation: ObjectiveAggregation = ObjectiveAggregation.Average,
) => ({ year: 2026, direction, target, frequency: ObjectiveFrequency.Monthly, aggregation });
const months = (...values: number[]) =>
  values.map((value, i) => ({ period: `2026-${String(i + 1).padStart(2, '0')}`, value }));

describe('meetsTarget', () => {
  it('at_least: exactly at the target meets it, just below does not', () => {
    const o = { direction: ObjectiveDirection.AtLeast, target: 98 };
    expect(meetsTarget(o, 98)).toBe(true);
    expect(meetsTarget(o, 97.99)).toBe(false);
    expect(meetsTarget(o, 98.01)).toBe(true);
  });
  it('at_most: exactly at the target meets it, just above does not', () => {
    const o = { direction: ObjectiveDirection.AtMost, target: 2 };
    expect(meetsTarget(o, 2)).toBe(true);
    expect(meetsTarget(o, 2.01)).toBe(false);
    expect(meetsTarget(o, 1.99)).toBe(true);
  });
});

describe('aggregate', () => {
  it('average, sum and latest (by period, whatever the order given)', () => {
    const ms = [
      { period: '2026-03', value: 90 },
      { period: '2026-01', value: 100 },
      { period: '2026-02', value: 95 },
    ];
    expect(aggregate(ObjectiveAggregation.Average, ms)).toBe(95);
    expect(aggregate(ObjectiveAggregation.Sum, ms)).toBe(285);
    expect(aggregate(ObjectiveAggregation.Latest, ms)).toBe(90);
    expect(aggregate(ObjectiveAggregation.Average, [])).toBeNull();
  });
  it('rounds away float noise: 0.1 + 0.2 sums to 0.3', () => {
    expect(
      aggregate(ObjectiveAggregation.Sum, [
        { period: '2026-01', value: 0.1 },
        { period: '2026-02', value: 0.2 },
      ]),
    ).toBe(0.3);
  });
});

describe('objectiveStatus', () => {
  const atLeast98 = monthly(ObjectiveDirection.AtLeast, 98);

  it('no measurement: no_data, also when the only ones begin after asOf', () => {
    expect(objectiveStatus(atLeast98, [], '2026-06-15')).toBe(ObjectiveStatus.NoData);
    expect(objectiveStatus(atLeast98, [{ period: '2026-07', value: 99 }], '2026-06-30')).toBe(
      ObjectiveStatus.NoData,
    );
    // The period's first day is asOf: it counts.
    expect(objectiveStatus(atLeast98, [{ period: '2026-07', value: 99 }], '2026-07-01')).toBe(
      ObjectiveStatus.OnTrack,
    );
  });

  it('in progress, average: on_track when the result and the latest meet the target (exactly at it counts)', () => {
    expect(objectiveStatus(atLeast98, months(98, 98), '2026-03-10')).toBe(ObjectiveStatus.OnTrack);
    expect(objectiveStatus(atLeast98, months(99, 99.5), '2026-03-10')).toBe(ObjectiveStatus.OnTrack);
  });

  it('in progress, average: at_risk when the latest misses even though the average meets', () => {
    // Average 98.5, latest 97.
    expect(objectiveStatus(atLeast98, months(100, 97), '2026-03-10')).toBe(ObjectiveStatus.AtRisk);
  });

  it('in progress, average: at_risk when the average misses even though the latest meets', () => {
    expect(objectiveStatus(atLeast98, months(90, 99), '2026-03-10')).toBe(ObjectiveStatus.AtRisk);
  });

  it('at_most, in progress: at the target on track, just above at risk', () => {
    const atMost2 = monthly(ObjectiveDirection.AtMost, 2);
    expect(objectiveStatus(atMost2, months(1, 2), '2026-03-01')).toBe(ObjectiveStatus.OnTrack);
    expect(objectiveStatus(atMost2, months(1, 2.5), '2026-03-01')).toBe(ObjectiveStatus.AtRisk);
  });

  it('latest aggregation judges the latest period alone', () => {
    const o = monthly(ObjectiveDirection.AtLeast, 98, ObjectiveAggregation.Latest);
    expect(objectiveStatusOf(o, months(50, 98), '2026-02-15')).toEqual({
      status: ObjectiveStatus.OnTrack,
      result: 98,
      projection: null,
    });
    expect(objectiveStatus(o, months(100, 97.9), '2026-02-15')).toBe(ObjectiveStatus.AtRisk);
  });

  it('sum in progress is judged on its projection over the year', () => {
    // ≥ 120 trainings a year: 10 a month projects to exactly 120.
    const o = monthly(ObjectiveDirection.AtLeast, 120, ObjectiveAggregation.Sum);
    expect(objectiveStatusOf(o, months(10, 10, 10), '2026-04-02')).toEqual({
      status: ObjectiveStatus.OnTrack,
      result: 30,
      projection: 120,
    });
    expect(objectiveStatus(o, months(10, 10, 9), '2026-04-02')).toBe(ObjectiveStatus.AtRisk);
    // ≤ 12 complaints a year: 1 a month is on track, 2 in the first month is not.
    const fewer = monthly(ObjectiveDirection.AtMost, 12, ObjectiveAggregation.Sum);
    expect(objectiveStatus(fewer, months(1), '2026-02-01')).toBe(ObjectiveStatus.OnTrack);
    expect(objectiveStatus(fewer, months(2), '2026-02-01')).toBe(ObjectiveStatus.AtRisk);
  });

  it('year over (from 1 January of the next year): met or missed on the result, never at risk', () => {
    expect(objectiveStatus(atLeast98, months(99, 97), '2026-12-31')).toBe(ObjectiveStatus.AtRisk);
    expect(objectiveStatus(atLeast98, months(99, 97), '2027-01-01')).toBe(ObjectiveStatus.OnTrack);
    expect(objectiveStatus(atLeast98, months(97, 98), '2027-01-01')).toBe(ObjectiveStatus.Missed);
    const sum = monthly(ObjectiveDirection.AtLeast, 120, ObjectiveAggregation.Sum);
    // A sum is not projected once the year is over: 30 < 120.
    expect(objectiveStatus(sum, months(10, 10, 10), '2027-01-01')).toBe(ObjectiveStatus.Missed);
  });

  it('every period measured: final before the year ends', () => {
    const quarterly = { ...atLeast98, frequency: ObjectiveFrequency.Quarterly };
    const quarters = (a: number, b: number, c: number, d: number) =>
      [a, b, c, d].map((value, i) => ({ period: `2026-Q${i + 1}`, value }));
    expect(objectiveStatus(quarterly, quarters(99, 99, 99, 97.5), '2026-10-01')).toBe(
      ObjectiveStatus.OnTrack,
    );
    expect(objectiveStatus(quarterly, quarters(97, 97, 98, 99), '2026-10-01')).toBe(ObjectiveStatus.Missed);
    const yearly = { ...atLeast98, frequency: ObjectiveFrequency.Yearly };
    expect(objectiveStatus(yearly, [{ period: '2026', value: 97 }], '2026-01-01')).toBe(
      ObjectiveStatus.Missed,
    );
    expect(objectiveStatus(yearly, [{ period: '2026', value: 98 }], '2026-01-01')).toBe(
      ObjectiveStatus.OnTrack,
    );
  });
});
