import { Injectable } from '@nestjs/common';
import { Db, TransactionRunner } from '@eiso/database';
import { AgencyDirectory } from '@eiso/organizations';
import { periodBounds } from './objective-periods';
import type { ObjectiveDirection, ObjectiveStatus } from './objective-state';
import { aggregate, objectiveStatus } from './objective-status';
import { ObjectiveRepository } from './objective.repository';

export interface ObjectiveResult {
  id: string;
  year: number;
  statement: string;
  kpiName: string;
  unit: string;
  direction: ObjectiveDirection;
  target: number;
  ownerOrgUnitId: string;
  ownerOrgUnitName: string;
  /** Measurements whose period lies inside [from, to], ordered by period. */
  measurements: { period: string; value: number }[];
  /** The objective's result over those measurements (its aggregation), null when none. */
  result: number | null;
  /** Status as of `to` (objectiveStatus with asOf = to). */
  status: ObjectiveStatus;
}

/**
 * How other domains (management reviews) read objectives: read-only, with the caller's
 * transaction handle when it has one.
 */
@Injectable()
export class ObjectiveDirectory {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: ObjectiveRepository,
    private readonly agencies: AgencyDirectory,
  ) {}

  /**
   * Objectives of the agency (not withdrawn) whose year overlaps [from, to] (YYYY-MM-DD,
   * inclusive), with the measurements of periods lying inside [from, to] (first day ≥ from and
   * last day ≤ to), their result, and the status as of `to`.
   */
  async resultsIn(
    agencyId: string,
    from: string,
    to: string,
    db: Db = this.tx.db,
  ): Promise<ObjectiveResult[]> {
    const objectives = await this.repository.activeInYears(
      db,
      agencyId,
      Number(from.slice(0, 4)),
      Number(to.slice(0, 4)),
    );
    if (!objectives.length) return [];
    const measurements = await this.repository.measurementsOf(
      db,
      objectives.map((o) => o.id),
    );
    const units = await this.agencies.orgUnitNames([...new Set(objectives.map((o) => o.ownerOrgUnitId))], db);
    return objectives.map((o) => {
      const all = measurements.filter((m) => m.objectiveId === o.id);
      const inside = all
        .filter((m) => {
          const b = periodBounds(m.period);
          return !!b && b.first >= from && b.last <= to;
        })
        .map((m) => ({ period: m.period, value: m.value }));
      return {
        id: o.id,
        year: o.year,
        statement: o.statement,
        kpiName: o.kpiName,
        unit: o.unit,
        direction: o.direction,
        target: o.target,
        ownerOrgUnitId: o.ownerOrgUnitId,
        ownerOrgUnitName: units.get(o.ownerOrgUnitId) ?? '',
        measurements: inside,
        result: aggregate(o.aggregation, inside),
        status: objectiveStatus(o, all, to),
      };
    });
  }

  // --- conformity: the objectives set for a year (read-only) ---

  /** The agency's objectives of `year` not withdrawn, by statement; one query. */
  async activeOfYear(
    agencyId: string,
    year: number,
    db: Db = this.tx.db,
  ): Promise<{ id: string; statement: string }[]> {
    return (await this.repository.activeInYears(db, agencyId, year, year))
      .map((o) => ({ id: o.id, statement: o.statement }))
      .sort((a, b) => a.statement.localeCompare(b.statement, 'vi'));
  }
}
