import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainException, ErrorCode, Page, PageRequest } from '@eiso/common';
import { assertVersion, Db, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { AgencyDirectory } from '@eiso/organizations';
import { assertActive } from './objective-duties';
import { objectiveAgencyOf, ObjectiveFinder } from './objective-finder';
import { ObjectiveNotifier } from './objective-notifier';
import { ObjectivePresenter } from './objective-presenter';
import {
  ObjectiveAggregation,
  ObjectiveDirection,
  ObjectiveFrequency,
  ObjectiveState,
  ObjectiveStatus,
} from './objective-state';
import { ObjectiveEntity } from './objective.entity';
import { ObjectiveRepository } from './objective.repository';
import { ObjectiveDetailView, ObjectiveView } from './objective.views';

export interface CreateObjectiveInput {
  year: number;
  statement: string;
  kpiName: string;
  unit: string;
  direction: ObjectiveDirection;
  target: number;
  frequency: ObjectiveFrequency;
  aggregation?: ObjectiveAggregation;
  ownerOrgUnitId: string;
}

export type ObjectiveChanges = Partial<CreateObjectiveInput>;

export interface ListObjectivesQuery extends PageRequest {
  year?: number;
  ownerOrgUnitId?: string;
  state?: ObjectiveState;
  status?: ObjectiveStatus;
  q?: string;
}

/** Objectives of the agency: set, corrected, withdrawn, read with their status. */
@Injectable()
export class ObjectivesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: ObjectiveRepository,
    private readonly finder: ObjectiveFinder,
    private readonly presenter: ObjectivePresenter,
    private readonly notifier: ObjectiveNotifier,
    private readonly agencies: AgencyDirectory,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: CreateObjectiveInput): Promise<ObjectiveDetailView> {
    const agencyId = objectiveAgencyOf(actor);
    return this.tx.run(async (db) => {
      await this.checkOrgUnit(db, agencyId, input.ownerOrgUnitId);
      const now = this.clock.now();
      const o: ObjectiveEntity = {
        id: randomUUID(),
        agencyId,
        year: input.year,
        statement: input.statement.trim(),
        kpiName: input.kpiName.trim(),
        unit: input.unit.trim(),
        direction: input.direction,
        target: input.target,
        frequency: input.frequency,
        aggregation: input.aggregation ?? ObjectiveAggregation.Average,
        ownerOrgUnitId: input.ownerOrgUnitId,
        state: ObjectiveState.Active,
        withdrawnReason: null,
        withdrawnAt: null,
        withdrawnBy: null,
        createdBy: actor.userId,
        updatedBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await this.repository.insert(db, o);
      await this.auditTrail.record(db, actor, {
        agencyId,
        entityType: 'objective',
        entityId: o.id,
        action: 'objective.created',
        after: summary(o),
      });
      await this.notifier.assigned(db, actor.userId, o);
      return this.presenter.detail(db, o);
    });
  }

  async get(actor: Actor, id: string): Promise<ObjectiveDetailView> {
    const db = this.tx.db;
    return this.presenter.detail(db, await this.finder.objective(db, actor, id));
  }

  /**
   * A page of the agency's objectives. The status is computed from the measurements, so the
   * filter on it runs over the agency's objectives of the other filters (a few dozen a year).
   */
  async list(actor: Actor, query: ListObjectivesQuery): Promise<Page<ObjectiveView>> {
    const db = this.tx.db;
    const rows = await this.repository.findAll(db, {
      agencyId: objectiveAgencyOf(actor),
      year: query.year,
      ownerOrgUnitId: query.ownerOrgUnitId,
      state: query.state,
      q: query.q,
    });
    let views = await this.presenter.summaries(db, rows);
    if (query.status) views = views.filter((v) => v.status === query.status);
    const start = (query.page - 1) * query.pageSize;
    return {
      items: views.slice(start, start + query.pageSize),
      total: views.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    changes: ObjectiveChanges,
  ): Promise<ObjectiveDetailView> {
    return this.tx.run(async (db) => {
      const o = await this.finder.objective(db, actor, id, true);
      assertVersion(o, expectedVersion);
      assertActive(o);
      const before = summary(o);
      const yearOrFrequency =
        (changes.year !== undefined && changes.year !== o.year) ||
        (changes.frequency !== undefined && changes.frequency !== o.frequency);
      if (yearOrFrequency && (await this.repository.countMeasurements(db, o.id)) > 0) {
        throw new DomainException(ErrorCode.ObjectiveHasMeasurements);
      }
      const unitChanged = changes.ownerOrgUnitId !== undefined && changes.ownerOrgUnitId !== o.ownerOrgUnitId;
      if (unitChanged) await this.checkOrgUnit(db, o.agencyId, changes.ownerOrgUnitId!);
      if (changes.year !== undefined) o.year = changes.year;
      if (changes.statement !== undefined) o.statement = changes.statement.trim();
      if (changes.kpiName !== undefined) o.kpiName = changes.kpiName.trim();
      if (changes.unit !== undefined) o.unit = changes.unit.trim();
      if (changes.direction !== undefined) o.direction = changes.direction;
      if (changes.target !== undefined) o.target = changes.target;
      if (changes.frequency !== undefined) o.frequency = changes.frequency;
      if (changes.aggregation !== undefined) o.aggregation = changes.aggregation;
      if (changes.ownerOrgUnitId !== undefined) o.ownerOrgUnitId = changes.ownerOrgUnitId;
      if (JSON.stringify(summary(o)) === JSON.stringify(before)) return this.presenter.detail(db, o);
      o.updatedBy = actor.userId;
      await this.repository.save(db, o, this.clock.now());
      await this.auditTrail.record(db, actor, {
        agencyId: o.agencyId,
        entityType: 'objective',
        entityId: o.id,
        action: 'objective.updated',
        before,
        after: summary(o),
      });
      if (unitChanged) await this.notifier.assigned(db, actor.userId, o);
      return this.presenter.detail(db, o);
    });
  }

  async withdraw(
    actor: Actor,
    id: string,
    reason: string,
    expectedVersion?: number,
  ): Promise<ObjectiveDetailView> {
    return this.tx.run(async (db) => {
      const o = await this.finder.objective(db, actor, id, true);
      assertVersion(o, expectedVersion);
      assertActive(o);
      const now = this.clock.now();
      o.state = ObjectiveState.Withdrawn;
      o.withdrawnReason = reason.trim();
      o.withdrawnAt = now;
      o.withdrawnBy = actor.userId;
      o.updatedBy = actor.userId;
      await this.repository.save(db, o, now);
      await this.auditTrail.record(db, actor, {
        agencyId: o.agencyId,
        entityType: 'objective',
        entityId: o.id,
        action: 'objective.withdrawn',
        before: { state: ObjectiveState.Active },
        after: { state: o.state, reason: o.withdrawnReason },
      });
      return this.presenter.detail(db, o);
    });
  }

  private async checkOrgUnit(db: Db, agencyId: string, orgUnitId: string): Promise<void> {
    const units = await this.agencies.orgUnitsOf(agencyId, db);
    if (!units.some((u) => u.id === orgUnitId && u.active)) {
      throw new DomainException(ErrorCode.ObjectiveOrgUnitInvalid);
    }
  }
}

function summary(o: ObjectiveEntity) {
  return {
    year: o.year,
    statement: o.statement,
    kpiName: o.kpiName,
    unit: o.unit,
    direction: o.direction,
    target: o.target,
    frequency: o.frequency,
    aggregation: o.aggregation,
    ownerOrgUnitId: o.ownerOrgUnitId,
  };
}
