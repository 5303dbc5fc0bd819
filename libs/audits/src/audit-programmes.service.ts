import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainException, ErrorCode, offsetOf, Page, PageRequest } from '@eiso/common';
import { assertVersion, Db, isUniqueViolation, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { IsoClauseDirectory } from '@eiso/iso-clauses';
import { AgencyDirectory } from '@eiso/organizations';
import { auditAgencyOf } from './audit-finder';
import { assertActiveOrgUnits } from './audit-org-units';
import { AuditProgrammeFinder } from './audit-programme-finder';
import { AuditProgrammeEntryEntity, AuditRiskLevel } from './audit-programme-entry.entity';
import { AuditProgrammeEntity } from './audit-programme.entity';
import { AuditProgrammeRepository, PROGRAMME_YEAR_INDEX } from './audit-programme.repository';
import { AuditProgrammeView, toAuditProgrammeView } from './audit-programme.views';

export interface ProgrammeEntryInput {
  orgUnitId?: string | null;
  process?: string | null;
  riskLevel: AuditRiskLevel;
  auditsPerYear: number;
  plannedMonths: number[];
  note?: string | null;
}

export interface CreateProgrammeInput {
  year: number;
  title: string;
  objectives: string;
  criteria: string;
  entries: ProgrammeEntryInput[];
}

export type UpdateProgrammeInput = Partial<Omit<CreateProgrammeInput, 'year'>>;

export interface ListProgrammesQuery extends PageRequest {
  year?: number;
}

/** Chương trình đánh giá nội bộ: one per agency and year, with its risk-based lines. */
@Injectable()
export class AuditProgrammesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly programmes: AuditProgrammeRepository,
    private readonly finder: AuditProgrammeFinder,
    private readonly clauses: IsoClauseDirectory,
    private readonly agencies: AgencyDirectory,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: CreateProgrammeInput): Promise<AuditProgrammeView> {
    const agencyId = auditAgencyOf(actor);
    try {
      return await this.tx.run(async (db) => {
        if (await this.programmes.existsForYear(db, agencyId, input.year)) throw yearTaken(input.year);
        await assertActiveOrgUnits(this.agencies, db, agencyId, unitsOf(input.entries));
        const now = this.clock.now();
        const programme: AuditProgrammeEntity = {
          id: randomUUID(),
          agencyId,
          year: input.year,
          title: input.title.trim(),
          objectives: input.objectives.trim(),
          criteria: input.criteria.trim(),
          clauseEdition: await this.clauses.currentEdition(db),
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        const entries = toEntries(programme, input.entries);
        await this.programmes.insert(db, programme, entries);
        await this.auditTrail.record(db, actor, {
          agencyId,
          entityType: 'audit_programme',
          entityId: programme.id,
          action: 'audit_programme.created',
          after: { ...snapshot(programme), entries: entries.map(entrySnapshot) },
        });
        return this.view(db, programme, entries);
      });
    } catch (error) {
      if (isUniqueViolation(error, PROGRAMME_YEAR_INDEX)) throw yearTaken(input.year);
      throw error;
    }
  }

  async get(actor: Actor, id: string): Promise<AuditProgrammeView> {
    const db = this.tx.db;
    const programme = await this.finder.findReadable(actor, id, db);
    return this.view(db, programme, await this.programmes.entriesOf(db, programme.id));
  }

  async list(actor: Actor, query: ListProgrammesQuery): Promise<Page<AuditProgrammeView>> {
    const [rows, total] = await this.programmes.findPage(
      this.tx.db,
      { agencyId: auditAgencyOf(actor), year: query.year },
      offsetOf(query),
      query.pageSize,
    );
    return {
      items: rows.map((p) => toAuditProgrammeView(p)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Edits the programme's texts; `entries`, when given, replaces every line. */
  async update(
    actor: Actor,
    id: string,
    input: UpdateProgrammeInput,
    expectedVersion?: number,
  ): Promise<AuditProgrammeView> {
    return this.tx.run(async (db) => {
      const programme = await this.finder.findForUpdate(db, actor, id);
      assertVersion(programme, expectedVersion);
      const before = {
        ...snapshot(programme),
        entries: (await this.programmes.entriesOf(db, id)).map(entrySnapshot),
      };
      if (input.title !== undefined) programme.title = input.title.trim();
      if (input.objectives !== undefined) programme.objectives = input.objectives.trim();
      if (input.criteria !== undefined) programme.criteria = input.criteria.trim();
      let entries: AuditProgrammeEntryEntity[] | null = null;
      if (input.entries) {
        await assertActiveOrgUnits(this.agencies, db, programme.agencyId, unitsOf(input.entries));
        entries = toEntries(programme, input.entries);
        await this.programmes.replaceEntries(db, programme.id, entries);
      }
      await this.programmes.save(db, programme, this.clock.now());
      const after = entries ?? (await this.programmes.entriesOf(db, id));
      await this.auditTrail.record(db, actor, {
        agencyId: programme.agencyId,
        entityType: 'audit_programme',
        entityId: programme.id,
        action: 'audit_programme.updated',
        before,
        after: { ...snapshot(programme), entries: after.map(entrySnapshot) },
      });
      return this.view(db, programme, after);
    });
  }

  private async view(
    db: Db,
    programme: AuditProgrammeEntity,
    entries: AuditProgrammeEntryEntity[],
  ): Promise<AuditProgrammeView> {
    const unitNames = await this.agencies.orgUnitNames(
      entries.map((e) => e.orgUnitId).filter((id): id is string => !!id),
      db,
    );
    return toAuditProgrammeView(programme, { rows: entries, unitNames });
  }
}

function unitsOf(entries: readonly ProgrammeEntryInput[]): string[] {
  return entries.flatMap((e) => (e.orgUnitId ? [e.orgUnitId] : []));
}

function yearTaken(year: number): DomainException {
  return new DomainException(ErrorCode.AuditProgrammeYearTaken, { year });
}

function toEntries(
  programme: AuditProgrammeEntity,
  inputs: readonly ProgrammeEntryInput[],
): AuditProgrammeEntryEntity[] {
  return inputs.map((e, i) => ({
    id: randomUUID(),
    programmeId: programme.id,
    agencyId: programme.agencyId,
    position: i + 1,
    orgUnitId: e.orgUnitId ?? null,
    process: e.process?.trim() || null,
    riskLevel: e.riskLevel,
    auditsPerYear: e.auditsPerYear,
    plannedMonths: [...new Set(e.plannedMonths)].sort((a, b) => a - b),
    note: e.note?.trim() || null,
  }));
}

function snapshot(p: AuditProgrammeEntity) {
  return {
    year: p.year,
    title: p.title,
    objectives: p.objectives,
    criteria: p.criteria,
    clauseEdition: p.clauseEdition,
  };
}

function entrySnapshot(e: AuditProgrammeEntryEntity) {
  return {
    orgUnitId: e.orgUnitId,
    process: e.process,
    riskLevel: e.riskLevel,
    auditsPerYear: e.auditsPerYear,
    plannedMonths: e.plannedMonths,
    note: e.note,
  };
}
