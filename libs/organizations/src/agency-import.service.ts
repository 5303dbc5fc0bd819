import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainException, ErrorCode, todayInVietnam } from '@eiso/common';
import { Db, TransactionRunner } from '@eiso/database';
import { AuditRecord, AuditTrailService } from '@eiso/audit-trail';
import { canManageAgencies } from './agency-access';
import { AgencyCsvRow, AgencyCsvRowError, parseAgencyCsv } from './agency-csv.parser';
import { AgencyEntity } from './agency.entity';
import { AgencyLevel, AgencyStatus } from './agency-level';
import { AgencyRepository } from './agency.repository';
import { agencyAuditSummary } from './agency.view';
import { districtKey, matchDistrict } from './district-matcher';
import { ORGANIZATIONS_MESSAGES as M } from './organizations.messages';

export interface AgencyImportOptions {
  /** Where the rows that are not communes hang (e.g. the province People's Committee); none when omitted. */
  parentId?: string | null;
}

export interface AgencyImportSummary {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  /** How many agencies of the file must run e-ISO by each year: `{ 2025: 35, 2027: 10, 2030: 102 }`. */
  byRoadmapYear: Record<number, number>;
}

/** A CSV row with its place in the tree and the agency it is, if that agency already exists. */
interface PlannedRow {
  row: AgencyCsvRow;
  id: string;
  parentId: string | null;
  existing: AgencyEntity | null;
}

interface DistrictRef {
  id: string;
  name: string;
}

/**
 * Loads a roadmap list (DESIGN §3) in one transaction. Idempotent on name + parent: importing the
 * same file again creates nothing. Communes hang under their district, looked up in the file first
 * and then among the district agencies already known.
 */
@Injectable()
export class AgencyImportService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly agencies: AgencyRepository,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  async importCsv(
    actor: Actor,
    input: Buffer | string,
    options: AgencyImportOptions = {},
  ): Promise<AgencyImportSummary> {
    if (!canManageAgencies(actor)) throw new DomainException(ErrorCode.Forbidden);
    const rows = parseAgencyCsv(input);
    const rootId = options.parentId ?? null;
    return this.tx.run(async (db) => {
      // One import at a time, and no parent edit meanwhile: the tree it matches against holds still.
      await this.agencies.lockHierarchy(db);
      if (rootId && !(await this.agencies.exists(db, rootId))) {
        throw new DomainException(ErrorCode.AgencyParentInvalid, { parentId: rootId });
      }
      const planned = await this.plan(db, rows, rootId);
      const now = this.clock.now();
      const created: AgencyEntity[] = [];
      const updated: { before: AgencyEntity; after: AgencyEntity }[] = [];
      for (const p of planned) {
        if (!p.existing) created.push(newAgency(p, now));
        else if (importChanges(p.existing, p.row)) {
          const after: AgencyEntity = {
            ...p.existing,
            level: p.row.level,
            roadmapYear: p.row.roadmapYear,
            // An empty cell keeps what an administrator set.
            abbreviation: p.row.abbreviation ?? p.existing.abbreviation,
            place: p.row.place ?? p.existing.place,
          };
          updated.push({
            before: p.existing,
            after: { ...after, version: after.version + 1, updatedAt: now },
          });
        }
      }
      // Parents come before their communes in `created`, so each insert batch finds its parents.
      await this.agencies.insertMany(db, created);
      await this.agencies.applyImportChanges(
        db,
        updated.map(({ after }) => ({
          id: after.id,
          level: after.level,
          roadmapYear: after.roadmapYear,
          abbreviation: after.abbreviation,
          place: after.place,
        })),
        now,
      );
      const summary: AgencyImportSummary = {
        total: rows.length,
        created: created.length,
        updated: updated.length,
        unchanged: rows.length - created.length - updated.length,
        byRoadmapYear: countByYear(rows),
      };
      await this.auditTrail.record(db, actor, ...auditRecords(created, updated, summary, rootId, input));
      return summary;
    });
  }

  /** Places every row: its parent and, when it already exists, the agency it is. */
  private async plan(db: Db, rows: AgencyCsvRow[], rootId: string | null): Promise<PlannedRow[]> {
    const outer = rows.filter((r) => r.level !== AgencyLevel.Commune);
    const communes = rows.filter((r) => r.level === AgencyLevel.Commune);
    const outerPlan = await this.match(
      db,
      outer.map((row) => ({ row, parentId: rootId })),
    );
    const fileDistricts = outerPlan
      .filter((p) => p.row.level === AgencyLevel.District)
      .map((p) => ({ id: p.id, name: p.row.name }));
    const districtOf = await this.resolveDistricts(db, communes, fileDistricts, rootId);
    const communePlan = await this.match(
      db,
      communes.map((row) => ({ row, parentId: districtOf.get(row.line) ?? null })),
    );
    return [...outerPlan, ...communePlan];
  }

  private async match(
    db: Db,
    placed: { row: AgencyCsvRow; parentId: string | null }[],
  ): Promise<PlannedRow[]> {
    const found = await this.agencies.matchSiblings(
      db,
      placed.map((p) => ({ parentId: p.parentId, name: p.row.name })),
    );
    return placed.map((p, i) => {
      const existing = found.get(i) ?? null;
      return { ...p, existing, id: existing?.id ?? randomUUID() };
    });
  }

  /**
   * The district id of each commune row, by line. The district of the same file wins; otherwise a
   * district agency already known, preferring an active one under the same parent. Every row that
   * cannot be placed is reported at once.
   */
  private async resolveDistricts(
    db: Db,
    communes: AgencyCsvRow[],
    fileDistricts: DistrictRef[],
    rootId: string | null,
  ): Promise<Map<number, string>> {
    const byKey = new Map<string, DistrictRef[]>();
    let known: AgencyEntity[] | null = null;
    const result = new Map<number, string>();
    const errors: AgencyCsvRowError[] = [];
    for (const row of communes) {
      const district = row.district ?? '';
      const key = districtKey(district);
      let matches = byKey.get(key);
      if (!matches) {
        matches = matchDistrict(district, fileDistricts);
        if (matches.length === 0) {
          known ??= await this.agencies.findByLevel(db, AgencyLevel.District);
          matches = preferred(matchDistrict(district, known), rootId);
        }
        byKey.set(key, matches);
      }
      if (matches.length === 1) result.set(row.line, matches[0].id);
      else
        errors.push({
          line: row.line,
          message: matches.length === 0 ? M.districtNotFound(district) : M.districtAmbiguous(district),
        });
    }
    if (errors.length > 0) throw new DomainException(ErrorCode.AgencyImportInvalid, { errors });
    return result;
  }
}

/** Among several known districts of that name, the active ones under the import's parent. */
function preferred(matches: AgencyEntity[], rootId: string | null): AgencyEntity[] {
  let narrowed = matches;
  for (const keep of [
    (a: AgencyEntity) => a.status === AgencyStatus.Active,
    (a: AgencyEntity) => a.parentId === rootId,
  ]) {
    if (narrowed.length <= 1) break;
    const kept = narrowed.filter(keep);
    if (kept.length > 0) narrowed = kept;
  }
  return narrowed;
}

function newAgency(p: PlannedRow, now: Date): AgencyEntity {
  return {
    id: p.id,
    code: null,
    name: p.row.name,
    abbreviation: p.row.abbreviation,
    place: p.row.place,
    level: p.row.level,
    parentId: p.parentId,
    roadmapYear: p.row.roadmapYear,
    status: AgencyStatus.Active,
    successorId: null,
    validFrom: todayInVietnam(now),
    validTo: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

function importChanges(existing: AgencyEntity, row: AgencyCsvRow): boolean {
  return (
    existing.level !== row.level ||
    existing.roadmapYear !== row.roadmapYear ||
    (row.abbreviation !== null && row.abbreviation !== existing.abbreviation) ||
    (row.place !== null && row.place !== existing.place)
  );
}

function countByYear(rows: AgencyCsvRow[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const row of rows) counts[row.roadmapYear] = (counts[row.roadmapYear] ?? 0) + 1;
  return counts;
}

function auditRecords(
  created: AgencyEntity[],
  updated: { before: AgencyEntity; after: AgencyEntity }[],
  summary: AgencyImportSummary,
  rootId: string | null,
  input: Buffer | string,
): AuditRecord[] {
  return [
    ...created.map((a) => ({
      agencyId: a.id,
      entityType: 'agency',
      entityId: a.id,
      action: 'agency.created' as const,
      after: agencyAuditSummary(a),
    })),
    ...updated.map(({ before, after }) => ({
      agencyId: after.id,
      entityType: 'agency',
      entityId: after.id,
      action: 'agency.updated' as const,
      before: agencyAuditSummary(before),
      after: agencyAuditSummary(after),
    })),
    {
      agencyId: rootId,
      entityType: 'agency_import',
      entityId: randomUUID(),
      action: 'agency.import' as const,
      after: { ...summary, parentId: rootId, sha256: createHash('sha256').update(input).digest('hex') },
    },
  ];
}
