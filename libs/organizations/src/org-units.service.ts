import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainException, ErrorCode, nfc, offsetOf, Page, pageOf, Role } from '@eiso/common';
import { assertVersion, Db, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { cleanOptionalText, cleanText } from './clean-text';
import { canManageAgencies, canSeeAgency } from './agency-access';
import { AgencyRepository } from './agency.repository';
import { OrgUnitEntity } from './org-unit.entity';
import { CreateOrgUnitInput, OrgUnitListQuery, UpdateOrgUnitInput } from './org-unit.inputs';
import { OrgUnitRepository } from './org-unit.repository';
import { orgUnitAuditSummary, OrgUnitView, toOrgUnitView } from './org-unit.view';

/**
 * Departments (phòng, ban) of an agency. An administrator manages them in every agency, an ISO
 * secretary only in their own; members read their own agency's units. Another agency answers
 * 404 AgencyNotFound, never 403, so that its existence does not leak.
 */
@Injectable()
export class OrgUnitsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly agencies: AgencyRepository,
    private readonly units: OrgUnitRepository,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, agencyId: string, input: CreateOrgUnitInput): Promise<OrgUnitView> {
    return this.tx.run(async (db) => {
      await this.assertCanManage(db, actor, agencyId);
      const now = this.clock.now();
      const unit: OrgUnitEntity = {
        id: randomUUID(),
        agencyId,
        parentId: input.parentId ?? null,
        code: cleanOptionalText(input.code),
        name: cleanText(input.name),
        active: true,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      if (unit.parentId && !(await this.units.findInAgency(db, agencyId, unit.parentId))) {
        throw new DomainException(ErrorCode.OrgUnitParentInvalid, { parentId: unit.parentId });
      }
      await this.units.insert(db, unit);
      await this.auditTrail.record(db, actor, {
        agencyId,
        entityType: 'org_unit',
        entityId: unit.id,
        action: 'org_unit.created',
        after: orgUnitAuditSummary(unit),
      });
      return toOrgUnitView(unit);
    });
  }

  async list(actor: Actor, agencyId: string, query: OrgUnitListQuery): Promise<Page<OrgUnitView>> {
    const db = this.tx.db;
    await this.assertCanRead(db, actor, agencyId);
    const { page, pageSize, q, ...filter } = query;
    const [rows, total] = await this.units.findPage(
      db,
      agencyId,
      { ...filter, q: q ? nfc(q).trim() || undefined : undefined },
      offsetOf({ page, pageSize }),
      pageSize,
    );
    return pageOf(rows, total, { page, pageSize }, toOrgUnitView);
  }

  async get(actor: Actor, agencyId: string, unitId: string): Promise<OrgUnitView> {
    const db = this.tx.db;
    await this.assertCanRead(db, actor, agencyId);
    return toOrgUnitView(await this.unitOf(db, agencyId, unitId));
  }

  /** Applies the change only to the version the client read (If-Match); a stale one answers 412. */
  async update(
    actor: Actor,
    agencyId: string,
    unitId: string,
    expectedVersion: number,
    input: UpdateOrgUnitInput,
  ): Promise<OrgUnitView> {
    return this.tx.run(async (db) => {
      await this.assertCanManage(db, actor, agencyId);
      const unit = await this.unitOf(db, agencyId, unitId);
      assertVersion(unit, expectedVersion);
      const before = orgUnitAuditSummary(unit);
      const next: OrgUnitEntity = {
        ...unit,
        ...(input.name !== undefined && { name: cleanText(input.name) }),
        ...(input.code !== undefined && { code: cleanOptionalText(input.code) }),
        ...(input.parentId !== undefined && { parentId: input.parentId }),
        ...(input.active !== undefined && { active: input.active }),
      };
      const after = orgUnitAuditSummary(next);
      if (!Object.keys(after).some((key) => before[key] !== after[key])) return toOrgUnitView(unit);
      if (next.parentId !== unit.parentId) await this.assertParentAllowed(db, next);
      await this.units.updateIfVersion(db, next, expectedVersion, this.clock.now());
      await this.auditTrail.record(db, actor, {
        agencyId,
        entityType: 'org_unit',
        entityId: next.id,
        action: 'org_unit.updated',
        before,
        after: orgUnitAuditSummary(next),
      });
      return toOrgUnitView(next);
    });
  }

  /** A new parent must be a unit of the same agency and must not sit below the unit itself. */
  private async assertParentAllowed(db: Db, unit: OrgUnitEntity): Promise<void> {
    if (!unit.parentId) return;
    await this.units.lockUnitTree(db, unit.agencyId);
    if (!(await this.units.findInAgency(db, unit.agencyId, unit.parentId))) {
      throw new DomainException(ErrorCode.OrgUnitParentInvalid, { parentId: unit.parentId });
    }
    const chain = await this.units.selfAndAncestorIds(db, unit.parentId);
    if (chain.includes(unit.id)) {
      throw new DomainException(ErrorCode.OrgUnitParentInvalid, { parentId: unit.parentId, reason: 'cycle' });
    }
  }

  private async assertCanRead(db: Db, actor: Actor, agencyId: string): Promise<void> {
    if (!canSeeAgency(actor, agencyId) || !(await this.agencies.exists(db, agencyId))) {
      throw new DomainException(ErrorCode.AgencyNotFound);
    }
  }

  /** Another agency first answers 404; only then does a member of this agency lacking the role get 403. */
  private async assertCanManage(db: Db, actor: Actor, agencyId: string): Promise<void> {
    if (!canManageAgencies(actor)) {
      if (actor.agencyId !== agencyId) throw new DomainException(ErrorCode.AgencyNotFound);
      if (!actor.roles.includes(Role.IsoSecretary)) throw new DomainException(ErrorCode.Forbidden);
    }
    if (!(await this.agencies.exists(db, agencyId))) throw new DomainException(ErrorCode.AgencyNotFound);
  }

  private async unitOf(db: Db, agencyId: string, unitId: string): Promise<OrgUnitEntity> {
    const unit = await this.units.findInAgency(db, agencyId, unitId);
    if (!unit) throw new DomainException(ErrorCode.OrgUnitNotFound);
    return unit;
  }
}
