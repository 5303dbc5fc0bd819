import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  Actor,
  Clock,
  DomainException,
  ErrorCode,
  formatDateVi,
  hasPermission,
  offsetOf,
  Page,
  PageRequest,
  Permission,
  todayInVietnam,
} from '@eiso/common';
import { assertVersion, Db, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { UserDirectory } from '@eiso/identity';
import { AgencyDirectory } from '@eiso/organizations';
import { assessRisk, RISK_SCALE_MAX, RISK_SCALE_MIN } from './risk-level';
import { riskAgencyOf, RiskFinder } from './risk-finder';
import { RiskNotifier } from './risk-notifier';
import { assertMayManageRisk } from './risk-duties';
import { assertRiskAction } from './risk-state-machine';
import { RiskContext, RiskKind, RiskLevel, RiskState, RISK_LEVEL_LABELS } from './risk-state';
import { riskCode } from './risks.messages';
import { RiskEntity } from './risk.entity';
import { RiskRepository, RiskSortField } from './risk.repository';
import {
  RiskDetailView,
  RiskHeatMapView,
  RiskView,
  toAssessmentView,
  toRiskView,
  toStateChangeView,
} from './risk.views';

export interface CreateRiskInput {
  kind: RiskKind;
  context: RiskContext;
  contextNote?: string | null;
  description: string;
  likelihood: number;
  impact: number;
  treatment: string;
  ownerOrgUnitId: string;
  ownerUserId?: string | null;
  reviewDate: string;
}

export interface RiskChanges {
  description?: string;
  context?: RiskContext;
  /** null clears it. */
  contextNote?: string | null;
  ownerOrgUnitId?: string;
  /** null: the unit's heads answer for it. */
  ownerUserId?: string | null;
  treatment?: string;
  reviewDate?: string;
}

export interface AssessRiskInput {
  likelihood: number;
  impact: number;
  /** Kept when not given. */
  treatment?: string;
  note: string;
  /** Kept when not given. */
  reviewDate?: string;
}

export interface ListRisksQuery extends PageRequest {
  kind?: RiskKind;
  level?: RiskLevel;
  state?: RiskState;
  context?: RiskContext;
  ownerOrgUnitId?: string;
  likelihood?: number;
  impact?: number;
  reviewDue?: boolean;
  q?: string;
  sort?: { field: RiskSortField; direction: 'ASC' | 'DESC' };
}

/** The register of risks and opportunities: recording, editing, re-assessing, closing, reopening. */
@Injectable()
export class RisksService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: RiskRepository,
    private readonly finder: RiskFinder,
    private readonly notifier: RiskNotifier,
    private readonly users: UserDirectory,
    private readonly agencies: AgencyDirectory,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: CreateRiskInput): Promise<RiskDetailView> {
    const agencyId = riskAgencyOf(actor);
    const { score, level } = assessRisk(input.likelihood, input.impact);
    const now = this.clock.now();
    this.assertReviewDate(input.reviewDate, todayInVietnam(now));
    return this.tx.run(async (db) => {
      const ownerUserId = input.ownerUserId ?? null;
      assertMayManageRisk(actor, input.ownerOrgUnitId);
      await this.checkOwner(db, agencyId, input.ownerOrgUnitId, ownerUserId);
      const risk: RiskEntity = {
        id: randomUUID(),
        agencyId,
        kind: input.kind,
        serial: await this.repository.nextSerial(db, agencyId, input.kind),
        context: input.context,
        contextNote: input.contextNote?.trim() || null,
        description: input.description.trim(),
        ownerOrgUnitId: input.ownerOrgUnitId,
        ownerUserId,
        likelihood: input.likelihood,
        impact: input.impact,
        score,
        level,
        treatment: input.treatment.trim(),
        reviewDate: input.reviewDate,
        state: 'open',
        closeReason: null,
        closedAt: null,
        closedBy: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await this.repository.insert(db, risk);
      await this.repository.insertAssessment(db, {
        id: randomUUID(),
        riskId: risk.id,
        agencyId,
        likelihood: risk.likelihood,
        impact: risk.impact,
        score,
        level,
        treatment: risk.treatment,
        note: null,
        reviewDate: risk.reviewDate,
        assessedBy: actor.userId,
        assessedAt: now,
      });
      await this.auditTrail.record(db, actor, {
        agencyId,
        entityType: 'risk',
        entityId: risk.id,
        action: 'risk.created',
        after: summary(risk),
      });
      await this.notifier.assigned(db, actor.userId, risk);
      return this.detail(db, risk);
    });
  }

  async get(actor: Actor, id: string): Promise<RiskDetailView> {
    const db = this.tx.db;
    return this.detail(db, await this.finder.risk(db, actor, id));
  }

  async list(actor: Actor, query: ListRisksQuery): Promise<Page<RiskView>> {
    const db = this.tx.db;
    const today = todayInVietnam(this.clock.now());
    const [rows, total] = await this.repository.findPage(
      db,
      {
        agencyId: riskAgencyOf(actor),
        kind: query.kind,
        level: query.level,
        state: query.state,
        context: query.context,
        ownerOrgUnitId: query.ownerOrgUnitId,
        likelihood: query.likelihood,
        impact: query.impact,
        reviewDue: query.reviewDue,
        q: query.q,
      },
      query.sort ?? { field: 'score', direction: 'DESC' },
      offsetOf(query),
      query.pageSize,
      today,
    );
    const names = await this.namesOf(db, rows, []);
    return {
      items: rows.map((r) => toRiskView(r, names, today)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Open items by likelihood × impact: the 25 cells, impact 5 → 1 then likelihood 1 → 5. */
  async heatMap(actor: Actor, kind?: RiskKind): Promise<RiskHeatMapView> {
    const counts = await this.repository.heatMap(this.tx.db, riskAgencyOf(actor), kind ?? null);
    const cells: RiskHeatMapView['cells'] = [];
    for (let impact = RISK_SCALE_MAX; impact >= RISK_SCALE_MIN; impact--) {
      for (let likelihood = RISK_SCALE_MIN; likelihood <= RISK_SCALE_MAX; likelihood++) {
        const { score, level } = assessRisk(likelihood, impact);
        const count = counts.find((c) => c.likelihood === likelihood && c.impact === impact)?.count ?? 0;
        cells.push({ likelihood, impact, score, level, levelLabel: RISK_LEVEL_LABELS[level], count });
      }
    }
    return { kind: kind ?? null, total: cells.reduce((n, c) => n + c.count, 0), cells };
  }

  /** Edits what is written of an open risk; its scores change only by a re-assessment. */
  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    changes: RiskChanges,
  ): Promise<RiskDetailView> {
    return this.tx.run(async (db) => {
      const risk = await this.finder.risk(db, actor, id, true);
      assertMayManageRisk(actor, risk.ownerOrgUnitId);
      // A unit head cannot hand a risk to another unit: only the agency's managers move it.
      if (changes.ownerOrgUnitId !== undefined) assertMayManageRisk(actor, changes.ownerOrgUnitId);
      assertVersion(risk, expectedVersion);
      assertRiskAction(risk.state, 'edit');
      const before = summary(risk);
      const ownerBefore = `${risk.ownerOrgUnitId}:${risk.ownerUserId}`;
      if (changes.reviewDate !== undefined && changes.reviewDate !== risk.reviewDate) {
        this.assertReviewDate(changes.reviewDate, todayInVietnam(this.clock.now()));
        risk.reviewDate = changes.reviewDate;
      }
      const unitId = changes.ownerOrgUnitId ?? risk.ownerOrgUnitId;
      const userId = changes.ownerUserId !== undefined ? changes.ownerUserId : risk.ownerUserId;
      if (unitId !== risk.ownerOrgUnitId || userId !== risk.ownerUserId) {
        await this.checkOwner(db, risk.agencyId, unitId, userId);
        risk.ownerOrgUnitId = unitId;
        risk.ownerUserId = userId;
      }
      if (changes.description !== undefined) risk.description = changes.description.trim();
      if (changes.context !== undefined) risk.context = changes.context;
      if (changes.contextNote !== undefined) risk.contextNote = changes.contextNote?.trim() || null;
      if (changes.treatment !== undefined) risk.treatment = changes.treatment.trim();
      if (JSON.stringify(summary(risk)) === JSON.stringify(before)) return this.detail(db, risk);
      await this.repository.save(db, risk, this.clock.now());
      await this.auditTrail.record(db, actor, {
        agencyId: risk.agencyId,
        entityType: 'risk',
        entityId: risk.id,
        action: 'risk.updated',
        before,
        after: summary(risk),
      });
      if (`${risk.ownerOrgUnitId}:${risk.ownerUserId}` !== ownerBefore) {
        await this.notifier.assigned(db, actor.userId, risk);
      }
      return this.detail(db, risk);
    });
  }

  /** A new assessment: it becomes the risk's current likelihood, impact, score and level. */
  async assess(
    actor: Actor,
    id: string,
    expectedVersion: number | undefined,
    input: AssessRiskInput,
  ): Promise<RiskDetailView> {
    const { score, level } = assessRisk(input.likelihood, input.impact);
    return this.tx.run(async (db) => {
      const risk = await this.finder.risk(db, actor, id, true);
      assertMayManageRisk(actor, risk.ownerOrgUnitId);
      assertVersion(risk, expectedVersion);
      assertRiskAction(risk.state, 'assess');
      if (input.reviewDate !== undefined && input.reviewDate !== risk.reviewDate) {
        this.assertReviewDate(input.reviewDate, todayInVietnam(this.clock.now()));
      }
      const before = summary(risk);
      const now = this.clock.now();
      risk.likelihood = input.likelihood;
      risk.impact = input.impact;
      risk.score = score;
      risk.level = level;
      if (input.treatment !== undefined) risk.treatment = input.treatment.trim();
      if (input.reviewDate !== undefined) risk.reviewDate = input.reviewDate;
      await this.repository.save(db, risk, now);
      await this.repository.insertAssessment(db, {
        id: randomUUID(),
        riskId: risk.id,
        agencyId: risk.agencyId,
        likelihood: risk.likelihood,
        impact: risk.impact,
        score,
        level,
        treatment: risk.treatment,
        note: input.note.trim(),
        reviewDate: risk.reviewDate,
        assessedBy: actor.userId,
        assessedAt: now,
      });
      await this.auditTrail.record(db, actor, {
        agencyId: risk.agencyId,
        entityType: 'risk',
        entityId: risk.id,
        action: 'risk.assessed',
        before,
        after: { ...summary(risk), note: input.note.trim() },
      });
      return this.detail(db, risk);
    });
  }

  close(
    actor: Actor,
    id: string,
    expectedVersion: number | undefined,
    reason: string,
  ): Promise<RiskDetailView> {
    return this.changeState(actor, id, expectedVersion, 'close', reason);
  }

  reopen(
    actor: Actor,
    id: string,
    expectedVersion: number | undefined,
    reason: string,
  ): Promise<RiskDetailView> {
    return this.changeState(actor, id, expectedVersion, 'reopen', reason);
  }

  private changeState(
    actor: Actor,
    id: string,
    expectedVersion: number | undefined,
    transition: 'close' | 'reopen',
    reason: string,
  ): Promise<RiskDetailView> {
    const closing = transition === 'close';
    return this.tx.run(async (db) => {
      const risk = await this.finder.risk(db, actor, id, true);
      assertMayManageRisk(actor, risk.ownerOrgUnitId);
      assertVersion(risk, expectedVersion);
      assertRiskAction(risk.state, transition);
      const now = this.clock.now();
      const before = { state: risk.state, closeReason: risk.closeReason };
      const toState: RiskState = closing ? 'closed' : 'open';
      risk.state = toState;
      risk.closeReason = closing ? reason.trim() : null;
      risk.closedAt = closing ? now : null;
      risk.closedBy = closing ? actor.userId : null;
      await this.repository.save(db, risk, now);
      await this.repository.insertStateChange(db, {
        id: randomUUID(),
        riskId: risk.id,
        agencyId: risk.agencyId,
        toState,
        reason: reason.trim(),
        changedBy: actor.userId,
        changedAt: now,
      });
      await this.auditTrail.record(db, actor, {
        agencyId: risk.agencyId,
        entityType: 'risk',
        entityId: risk.id,
        action: closing ? 'risk.closed' : 'risk.reopened',
        before,
        after: { state: risk.state, reason: reason.trim() },
      });
      return this.detail(db, risk);
    });
  }

  private async detail(db: Db, risk: RiskEntity): Promise<RiskDetailView> {
    const assessments = await this.repository.assessmentsOf(db, risk.id);
    const changes = await this.repository.stateChangesOf(db, risk.id);
    const names = await this.namesOf(
      db,
      [risk],
      [...assessments.map((a) => a.assessedBy), ...changes.map((c) => c.changedBy)],
    );
    return {
      ...toRiskView(risk, names, todayInVietnam(this.clock.now())),
      assessments: assessments.map((a) => toAssessmentView(a, names.users)),
      stateChanges: changes.map((c) => toStateChangeView(c, names.users)),
    };
  }

  private async namesOf(db: Db, risks: readonly RiskEntity[], userIds: readonly string[]) {
    const units = await this.agencies.orgUnitNames(
      risks.map((r) => r.ownerOrgUnitId),
      db,
    );
    const users = await this.users.fullNamesOf(
      [...risks.flatMap((r) => (r.ownerUserId ? [r.ownerUserId] : [])), ...userIds],
      db,
    );
    return { units, users };
  }

  /** A review date is today or later (Vietnam). */
  private assertReviewDate(reviewDate: string, today: string): void {
    if (reviewDate < today) {
      throw new DomainException(ErrorCode.RiskReviewDateInPast, {
        reviewDate,
        message: `Ngày xem xét lại (${formatDateVi(reviewDate)}) không được trước ngày hôm nay (${formatDateVi(today)}).`,
      });
    }
  }

  /**
   * The unit is an active unit of the agency; the user, if any, an active member of that unit who
   * manages risks (the owner re-assesses it when its review date comes).
   */
  private async checkOwner(
    db: Db,
    agencyId: string,
    orgUnitId: string,
    userId: string | null,
  ): Promise<void> {
    const units = await this.agencies.orgUnitsOf(agencyId, db);
    if (!units.some((u) => u.id === orgUnitId && u.active)) {
      throw new DomainException(ErrorCode.RiskOrgUnitInvalid);
    }
    if (!userId) return;
    const card = await this.users.cardOf(userId, db);
    if (
      !card ||
      !card.active ||
      card.agencyId !== agencyId ||
      card.orgUnitId !== orgUnitId ||
      !hasPermission(card.roles, Permission.RiskManage)
    ) {
      throw new DomainException(ErrorCode.RiskOwnerUserInvalid);
    }
  }
}

function summary(r: RiskEntity) {
  return {
    code: riskCode(r.kind, r.serial),
    kind: r.kind,
    context: r.context,
    contextNote: r.contextNote,
    description: r.description,
    ownerOrgUnitId: r.ownerOrgUnitId,
    ownerUserId: r.ownerUserId,
    likelihood: r.likelihood,
    impact: r.impact,
    score: r.score,
    level: r.level,
    treatment: r.treatment,
    reviewDate: r.reviewDate,
  };
}
