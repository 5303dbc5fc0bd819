import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  Actor,
  Clock,
  DomainException,
  ErrorCode,
  nfc,
  offsetOf,
  Page,
  pageOf,
  todayInVietnam,
} from '@eiso/common';
import { assertVersion, Db, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { cleanOptionalText, cleanText } from './clean-text';
import { canManageAgencies, canReadAllAgencies, canSeeAgency } from './agency-access';
import { AgencyEntity } from './agency.entity';
import { AgencyListQuery, CreateAgencyInput, UpdateAgencyInput } from './agency.inputs';
import { AgencyStatus } from './agency-level';
import { AgencyRepository } from './agency.repository';
import { parseAgencySort } from './agency-sort';
import { agencyAuditSummary, AgencyView, toAgencyView } from './agency.view';
import { ORGANIZATIONS_MESSAGES as M } from './organizations.messages';

/**
 * The agency directory. Administrators create and edit agencies; the overseer reads them all;
 * any other user sees only their own agency, and another one answers 404 as if it did not exist.
 */
@Injectable()
export class AgenciesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly agencies: AgencyRepository,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: CreateAgencyInput): Promise<AgencyView> {
    assertCanManage(actor);
    const now = this.clock.now();
    const agency: AgencyEntity = {
      id: randomUUID(),
      code: cleanOptionalText(input.code),
      name: cleanText(input.name),
      abbreviation: cleanOptionalText(input.abbreviation),
      place: cleanOptionalText(input.place),
      level: input.level,
      parentId: input.parentId ?? null,
      roadmapYear: input.roadmapYear ?? null,
      status: AgencyStatus.Active,
      successorId: null,
      validFrom: input.validFrom ?? todayInVietnam(now),
      validTo: input.validTo ?? null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    assertValidity(agency);
    return this.tx.run(async (db) => {
      if (agency.parentId && !(await this.agencies.exists(db, agency.parentId))) {
        throw new DomainException(ErrorCode.AgencyParentInvalid, { parentId: agency.parentId });
      }
      await this.agencies.insert(db, agency);
      await this.auditTrail.record(db, actor, {
        agencyId: agency.id,
        entityType: 'agency',
        entityId: agency.id,
        action: 'agency.created',
        after: agencyAuditSummary(agency),
      });
      return toAgencyView(agency);
    });
  }

  async get(actor: Actor, id: string): Promise<AgencyView> {
    return toAgencyView(await this.visible(this.tx.db, actor, id));
  }

  async list(actor: Actor, query: AgencyListQuery): Promise<Page<AgencyView>> {
    const { page, pageSize, sort, q, ...filter } = query;
    const scope = canReadAllAgencies(actor) ? {} : { ids: actor.agencyId ? [actor.agencyId] : [] };
    const [rows, total] = await this.agencies.findPage(
      this.tx.db,
      { ...filter, ...scope, q: q ? nfc(q).trim() || undefined : undefined },
      parseAgencySort(sort),
      offsetOf({ page, pageSize }),
      pageSize,
    );
    return pageOf(rows, total, { page, pageSize }, toAgencyView);
  }

  /** Applies the change only to the version the client read (If-Match); a stale one answers 412. */
  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    input: UpdateAgencyInput,
  ): Promise<AgencyView> {
    assertCanManage(actor);
    return this.tx.run(async (db) => {
      const agency = await this.visible(db, actor, id);
      assertVersion(agency, expectedVersion);
      const before = agencyAuditSummary(agency);
      const next: AgencyEntity = {
        ...agency,
        ...(input.code !== undefined && { code: cleanOptionalText(input.code) }),
        ...(input.name !== undefined && { name: cleanText(input.name) }),
        ...(input.abbreviation !== undefined && { abbreviation: cleanOptionalText(input.abbreviation) }),
        ...(input.place !== undefined && { place: cleanOptionalText(input.place) }),
        ...(input.level !== undefined && { level: input.level }),
        ...(input.parentId !== undefined && { parentId: input.parentId }),
        ...(input.roadmapYear !== undefined && { roadmapYear: input.roadmapYear }),
        ...(input.validFrom !== undefined && { validFrom: input.validFrom }),
        ...(input.validTo !== undefined && { validTo: input.validTo }),
      };
      if (!changed(before, agencyAuditSummary(next))) return toAgencyView(agency);
      assertValidity(next);
      if (next.parentId !== agency.parentId) await this.assertParentAllowed(db, next.id, next.parentId);
      await this.agencies.updateIfVersion(db, next, expectedVersion, this.clock.now());
      await this.auditTrail.record(db, actor, {
        agencyId: next.id,
        entityType: 'agency',
        entityId: next.id,
        action: 'agency.updated',
        before,
        after: agencyAuditSummary(next),
      });
      return toAgencyView(next);
    });
  }

  /** A new parent must exist and must not sit below the agency itself. */
  private async assertParentAllowed(db: Db, id: string, parentId: string | null): Promise<void> {
    if (!parentId) return;
    await this.agencies.lockHierarchy(db);
    const chain = await this.agencies.selfAndAncestorIds(db, parentId);
    if (chain.length === 0) throw new DomainException(ErrorCode.AgencyParentInvalid, { parentId });
    if (chain.includes(id))
      throw new DomainException(ErrorCode.AgencyParentInvalid, { parentId, reason: 'cycle' });
  }

  /** Another agency answers 404, exactly like a missing one. */
  private async visible(db: Db, actor: Actor, id: string): Promise<AgencyEntity> {
    const agency = canSeeAgency(actor, id) ? await this.agencies.findById(db, id) : null;
    if (!agency) throw new DomainException(ErrorCode.AgencyNotFound);
    return agency;
  }
}

function assertCanManage(actor: Actor): void {
  if (!canManageAgencies(actor)) throw new DomainException(ErrorCode.Forbidden);
}

function assertValidity(agency: AgencyEntity): void {
  if (agency.validTo && agency.validTo < agency.validFrom) {
    throw new DomainException(ErrorCode.ValidationFailed, {
      errors: [{ field: 'validTo', rules: ['validity'], message: M.validToBeforeValidFrom }],
    });
  }
}

function changed(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  return Object.keys(after).some((key) => before[key] !== after[key]);
}
