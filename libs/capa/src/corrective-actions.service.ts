import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  Actor,
  Clock,
  DomainException,
  ErrorCode,
  offsetOf,
  Page,
  PageRequest,
  todayInVietnam,
} from '@eiso/common';
import { assertVersion, Db, TransactionRunner } from '@eiso/database';
import { AttachmentsService } from '@eiso/attachments';
import { AuditTrailService } from '@eiso/audit-trail';
import { DocumentDirectory } from '@eiso/documents';
import { UserDirectory } from '@eiso/identity';
import { CorrectiveActionState, DEFAULT_VERIFICATION_DELAY_DAYS, NonconformityState } from './capa-state';
import {
  assertPlanComplete,
  assertVerifierEligible,
  assertVerifierOwnsNoAction,
  closeBlockers,
  assertDelayNotShortened,
  documentRevisions,
  verificationDueOf,
} from './corrective-action-duties';
import { CorrectiveActionFinder } from './corrective-action-finder';
import { CorrectiveActionNotifier } from './corrective-action-notifier';
import {
  assertNotClosed,
  CorrectiveActionTransition,
  nextCorrectiveActionState,
} from './corrective-action-state-machine';
import { CORRECTIVE_ACTION_TASK_ATTACHMENTS } from './corrective-action-task-attachment-subject';
import { CorrectiveActionTaskEntity } from './corrective-action-task.entity';
import { CorrectiveActionEntity } from './corrective-action.entity';
import { CORRECTIVE_ACTION_MESSAGES } from './corrective-action.messages';
import { CorrectiveActionRepository } from './corrective-action.repository';
import {
  CorrectiveActionListItemView,
  CorrectiveActionTaskView,
  CorrectiveActionView,
  toCorrectiveActionListItemView,
  toCorrectiveActionNonconformityView,
  toCorrectiveActionStatusView,
  toCorrectiveActionTaskView,
  toCorrectiveActionVerificationView,
} from './corrective-action.views';
import { nonconformityNumber } from './nonconformity-numbering';
import { capaAgencyOf, NonconformityFinder } from './nonconformity-finder';

export interface CreateCorrectiveActionInput {
  nonconformityId: string;
  correction?: string | null;
  rootCause?: string | null;
  whys?: string[];
  verifierId?: string | null;
  verificationDelayDays?: number;
}

/** Fields a PATCH may change; an absent field is left as it is, null clears it. */
export interface UpdateCorrectiveActionInput {
  correction?: string | null;
  rootCause?: string | null;
  whys?: string[];
  verifierId?: string | null;
  verificationDelayDays?: number;
}

export interface ListCorrectiveActionsQuery extends PageRequest {
  state?: CorrectiveActionState;
  overdue?: boolean;
  ownerId?: string;
  verifierId?: string;
  nonconformityId?: string;
  orgUnitId?: string;
}

const text = (value: string | null | undefined): string | null => value?.trim() || null;

/**
 * Phiếu yêu cầu hành động khắc phục (DESIGN §6, ISO 9001 10.2): opening one for a nonconformity,
 * its correction, root cause and verifier, the plan and the start of work. Actions are
 * CorrectiveActionTasksService's, the effectiveness check CorrectiveActionVerificationService's.
 * Every write locks the corrective action row first, then its actions.
 */
@Injectable()
export class CorrectiveActionsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: CorrectiveActionRepository,
    private readonly finder: CorrectiveActionFinder,
    private readonly nonconformities: NonconformityFinder,
    private readonly users: UserDirectory,
    private readonly documents: DocumentDirectory,
    private readonly attachments: AttachmentsService,
    private readonly notifier: CorrectiveActionNotifier,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  /** One per nonconformity of one's agency, while the nonconformity is open; state `open`. */
  async create(actor: Actor, input: CreateCorrectiveActionInput): Promise<CorrectiveActionView> {
    const agencyId = capaAgencyOf(actor);
    return this.tx.run(async (db) => {
      // The nonconformity's row lock serializes two openings for it (the unique index backs it).
      const nc = await this.nonconformities.nonconformity(db, actor, input.nonconformityId, true);
      const number = nonconformityNumber(nc.serial, nc.year);
      if (nc.state === NonconformityState.Closed) {
        throw new DomainException(ErrorCode.CorrectiveActionNonconformityClosed, {
          message: CORRECTIVE_ACTION_MESSAGES.nonconformityClosed(number),
        });
      }
      const existing = await this.repository.findByNonconformity(db, nc.id);
      if (existing) {
        throw new DomainException(ErrorCode.CorrectiveActionExists, {
          correctiveActionId: existing.id,
          message: CORRECTIVE_ACTION_MESSAGES.exists(number),
        });
      }
      const verifierId = input.verifierId ?? null;
      if (verifierId) await this.assertVerifier(db, agencyId, verifierId, []);
      const now = this.clock.now();
      const ca: CorrectiveActionEntity = {
        id: randomUUID(),
        agencyId,
        nonconformityId: nc.id,
        state: CorrectiveActionState.Open,
        round: 1,
        correction: text(input.correction),
        rootCause: text(input.rootCause),
        whys: (input.whys ?? []).map((w) => w.trim()).filter(Boolean),
        verifierId,
        verificationDelayDays: input.verificationDelayDays ?? DEFAULT_VERIFICATION_DELAY_DAYS,
        verificationDue: null,
        createdBy: actor.userId,
        closedAt: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await this.repository.insert(db, ca);
      await this.auditTrail.record(db, actor, {
        agencyId,
        entityType: 'corrective_action',
        entityId: ca.id,
        action: 'corrective_action.created',
        after: {
          nonconformityId: nc.id,
          nonconformityNumber: number,
          state: ca.state,
          correction: ca.correction,
          rootCause: ca.rootCause,
          whys: ca.whys,
          verifierId: ca.verifierId,
          verificationDelayDays: ca.verificationDelayDays,
        },
      });
      return this.view(db, ca);
    });
  }

  async get(actor: Actor, id: string): Promise<CorrectiveActionView> {
    const db = this.tx.db;
    return this.view(db, await this.finder.correctiveAction(db, actor, id));
  }

  /** The board: a page of the agency's corrective actions, by state, with their counts. */
  async list(actor: Actor, query: ListCorrectiveActionsQuery): Promise<Page<CorrectiveActionListItemView>> {
    const [rows, total] = await this.repository.findPage(
      this.tx.db,
      {
        agencyId: capaAgencyOf(actor),
        today: todayInVietnam(this.clock.now()),
        state: query.state,
        overdue: query.overdue,
        ownerId: query.ownerId,
        verifierId: query.verifierId,
        nonconformityId: query.nonconformityId,
        orgUnitId: query.orgUnitId,
      },
      offsetOf(query),
      query.pageSize,
    );
    return {
      items: rows.map(toCorrectiveActionListItemView),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * Correction, root cause, 5 whys, verifier and the check's delay, while not closed. A new
   * verifier must verify (role) and own no action; the delay moves a due check with it.
   */
  async update(
    actor: Actor,
    id: string,
    input: UpdateCorrectiveActionInput,
    expectedVersion: number,
  ): Promise<CorrectiveActionView> {
    return this.tx.run(async (db) => {
      const ca = await this.finder.correctiveAction(db, actor, id, true);
      assertVersion(ca, expectedVersion);
      assertNotClosed(ca.state);
      const tasks = await this.repository.tasks(db, ca.id);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const change = <K extends keyof UpdateCorrectiveActionInput & keyof CorrectiveActionEntity>(
        key: K,
        value: CorrectiveActionEntity[K],
      ) => {
        if (JSON.stringify(ca[key]) === JSON.stringify(value)) return;
        before[key] = ca[key];
        after[key] = value;
        ca[key] = value;
      };
      if (input.correction !== undefined) change('correction', text(input.correction));
      if (input.rootCause !== undefined) change('rootCause', text(input.rootCause));
      if (input.whys !== undefined) change('whys', input.whys.map((w) => w.trim()).filter(Boolean));
      if (input.verifierId !== undefined && input.verifierId !== ca.verifierId) {
        if (input.verifierId) await this.assertVerifier(db, ca.agencyId, input.verifierId, tasks);
        else if (ca.state !== CorrectiveActionState.Open)
          assertPlanComplete({ ...ca, verifierId: null }, tasks);
        change('verifierId', input.verifierId);
      }
      if (input.verificationDelayDays !== undefined) {
        assertDelayNotShortened(ca, input.verificationDelayDays);
        change('verificationDelayDays', input.verificationDelayDays);
        if (ca.state === CorrectiveActionState.Verifying) {
          const done = tasks.filter((t) => t.round === ca.round && t.doneOn).map((t) => t.doneOn!);
          const due = verificationDueOf(done, ca.verificationDelayDays);
          if (due !== ca.verificationDue) {
            before.verificationDue = ca.verificationDue;
            after.verificationDue = due;
            ca.verificationDue = due;
          }
        }
      }
      if (!Object.keys(after).length) return this.view(db, ca);
      await this.repository.save(db, ca, this.clock.now());
      await this.auditTrail.record(db, actor, {
        agencyId: ca.agencyId,
        entityType: 'corrective_action',
        entityId: ca.id,
        action: 'corrective_action.updated',
        before,
        after,
      });
      if ('verifierId' in after && ca.verifierId && ca.state === CorrectiveActionState.Verifying) {
        await this.notifier.notify(db, ca, await this.numberOf(db, ca), actor.userId, {
          kind: 'verification_started',
        });
      }
      return this.view(db, ca);
    });
  }

  /** open → planned: root cause, at least one action of the round and a verifier (422 listing what lacks). */
  plan(actor: Actor, id: string, expectedVersion?: number): Promise<CorrectiveActionView> {
    return this.transition(
      actor,
      id,
      expectedVersion,
      CorrectiveActionTransition.Plan,
      'corrective_action.planned',
    );
  }

  /** planned → in_progress: the owners work on their actions and report them done. */
  start(actor: Actor, id: string, expectedVersion?: number): Promise<CorrectiveActionView> {
    return this.transition(
      actor,
      id,
      expectedVersion,
      CorrectiveActionTransition.Start,
      'corrective_action.started',
    );
  }

  private transition(
    actor: Actor,
    id: string,
    expectedVersion: number | undefined,
    transition: CorrectiveActionTransition.Plan | CorrectiveActionTransition.Start,
    action: 'corrective_action.planned' | 'corrective_action.started',
  ): Promise<CorrectiveActionView> {
    return this.tx.run(async (db) => {
      const ca = await this.finder.correctiveAction(db, actor, id, true);
      assertVersion(ca, expectedVersion);
      const from = ca.state;
      const to = nextCorrectiveActionState(from, transition);
      const tasks = await this.repository.tasks(db, ca.id);
      assertPlanComplete(ca, tasks);
      ca.state = to;
      await this.repository.save(db, ca, this.clock.now());
      await this.auditTrail.record(db, actor, {
        agencyId: ca.agencyId,
        entityType: 'corrective_action',
        entityId: ca.id,
        action,
        before: { state: from },
        after: {
          state: to,
          round: ca.round,
          actions: tasks.filter((t) => t.round === ca.round).length,
          verifierId: ca.verifierId,
        },
      });
      return this.view(db, ca);
    });
  }

  /** The verifier named: eligible (active, agency, role) and owning no action of the corrective action. */
  async assertVerifier(
    db: Db,
    agencyId: string,
    verifierId: string,
    tasks: readonly CorrectiveActionTaskEntity[],
  ): Promise<void> {
    const card = await this.users.cardOf(verifierId, db);
    assertVerifierEligible(card, agencyId);
    assertVerifierOwnsNoAction(verifierId, tasks, card!.fullName);
  }

  /** The number of the corrective action's nonconformity ("03/2027"). */
  async numberOf(db: Db, ca: CorrectiveActionEntity): Promise<string> {
    const nc = (await this.repository.nonconformity(db, ca.nonconformityId))!;
    return nonconformityNumber(nc.serial, nc.year);
  }

  /** The full view: nonconformity, actions of every round, checks, and what keeps it from closing. */
  async view(db: Db, ca: CorrectiveActionEntity): Promise<CorrectiveActionView> {
    const nc = (await this.repository.nonconformity(db, ca.nonconformityId))!;
    const tasks = await this.repository.tasks(db, ca.id);
    const verifications = await this.repository.verifications(db, ca.id);
    const people = new Map(
      (
        await this.users.cardsOf(
          [ca.verifierId, ...tasks.map((t) => t.ownerId), ...verifications.map((v) => v.verifierId)].filter(
            (x): x is string => !!x,
          ),
          db,
        )
      ).map((c) => [c.id, c]),
    );
    const today = todayInVietnam(this.clock.now());
    const revisions = await this.revisionsOf(db, tasks);
    const files = await this.attachments.listMany(
      db,
      CORRECTIVE_ACTION_TASK_ATTACHMENTS,
      tasks.map((t) => t.id),
    );
    const verifier = ca.verifierId ? people.get(ca.verifierId) : undefined;
    return {
      id: ca.id,
      agencyId: ca.agencyId,
      nonconformity: toCorrectiveActionNonconformityView(nc),
      state: ca.state,
      stateLabel: toCorrectiveActionStatusView(ca).stateLabel,
      round: ca.round,
      correction: ca.correction,
      rootCause: ca.rootCause,
      whys: ca.whys,
      verifierId: ca.verifierId,
      verifier: verifier
        ? { id: verifier.id, fullName: verifier.fullName, position: verifier.position }
        : null,
      verificationDelayDays: ca.verificationDelayDays,
      verificationDue: ca.verificationDue,
      actions: tasks.map((t) =>
        toCorrectiveActionTaskView(t, {
          currentRound: ca.round,
          today,
          ownerName: people.get(t.ownerId)?.fullName ?? null,
          document: revisions.find((d) => d.documentId === t.documentId) ?? null,
          files: files.filter((f) => f.subjectId === t.id),
        }),
      ),
      verifications: verifications.map((v) =>
        toCorrectiveActionVerificationView(v, people.get(v.verifierId)?.fullName ?? null),
      ),
      closeBlockers: closeBlockers({
        state: ca.state,
        round: ca.round,
        verifierId: ca.verifierId,
        verificationDue: ca.verificationDue,
        actions: tasks,
        documents: revisions,
        today,
      }),
      closedAt: ca.closedAt ? ca.closedAt.toISOString() : null,
      createdBy: ca.createdBy,
      createdAt: ca.createdAt.toISOString(),
      updatedAt: ca.updatedAt.toISOString(),
      version: ca.version,
    };
  }

  /** One action as its routes answer it, with where the corrective action now stands. */
  async taskView(
    db: Db,
    ca: CorrectiveActionEntity,
    task: CorrectiveActionTaskEntity,
  ): Promise<CorrectiveActionTaskView> {
    const [owner] = await this.users.cardsOf([task.ownerId], db);
    const [document] = await this.revisionsOf(db, [task]);
    const files = await this.attachments.listMany(db, CORRECTIVE_ACTION_TASK_ATTACHMENTS, [task.id]);
    return {
      ...toCorrectiveActionTaskView(task, {
        currentRound: ca.round,
        today: todayInVietnam(this.clock.now()),
        ownerName: owner?.fullName ?? null,
        document: document ?? null,
        files,
      }),
      correctiveAction: toCorrectiveActionStatusView(ca),
    };
  }

  /** The documents the actions point at, and whether each has been revised since. */
  async revisionsOf(db: Db, tasks: readonly CorrectiveActionTaskEntity[]) {
    const ids = tasks.map((t) => t.documentId).filter((x): x is string => !!x);
    if (!ids.length) return [];
    return documentRevisions(tasks, await this.documents.issueInForce(ids, db));
  }
}
