import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainException, ErrorCode, todayInVietnam } from '@eiso/common';
import { assertVersion, Db, TransactionRunner } from '@eiso/database';
import { AttachmentsService } from '@eiso/attachments';
import { AuditTrailService } from '@eiso/audit-trail';
import { DocumentDirectory } from '@eiso/documents';
import { UserDirectory } from '@eiso/identity';
import { ALLOWED_DOCUMENT_MEDIA_TYPES } from '@eiso/storage';
import { CorrectiveActionState } from './capa-state';
import {
  assertDoneOn,
  assertDueDate,
  assertIsActionOwner,
  assertOwnerEligible,
  assertPlanComplete,
  assertVerifierOwnsNoAction,
  roundComplete,
  verificationDueOf,
} from './corrective-action-duties';
import { CorrectiveActionFinder } from './corrective-action-finder';
import { CorrectiveActionNotifier } from './corrective-action-notifier';
import {
  assertActionsEditable,
  CorrectiveActionTransition,
  nextCorrectiveActionState,
} from './corrective-action-state-machine';
import { correctiveActionTaskFiles } from './corrective-action-task-attachment-subject';
import { CorrectiveActionTaskEntity } from './corrective-action-task.entity';
import { CorrectiveActionEntity } from './corrective-action.entity';
import { CORRECTIVE_ACTION_MESSAGES } from './corrective-action.messages';
import { CorrectiveActionRepository } from './corrective-action.repository';
import {
  CorrectiveActionFileView,
  CorrectiveActionTaskView,
  toCorrectiveActionFileView,
} from './corrective-action.views';
import { CorrectiveActionsService } from './corrective-actions.service';
import { CORRECTIVE_ACTION_STATE_LABELS } from './capa-state';

export interface AddCorrectiveActionTaskInput {
  description: string;
  ownerId: string;
  dueDate: string;
  documentId?: string | null;
}

/** Fields a PATCH may change; absent fields stay, `documentId: null` unlinks the document. */
export interface UpdateCorrectiveActionTaskInput {
  description?: string;
  ownerId?: string;
  dueDate?: string;
  documentId?: string | null;
}

export interface MarkTaskDoneInput {
  /** Vietnam calendar date; today when absent. */
  doneOn?: string;
  note: string;
}

export interface CorrectiveActionFileDownload {
  file: CorrectiveActionFileView;
  stream: Readable;
}

/**
 * The actions of a corrective action: added to the current round while it is open, planned or in
 * progress; reported done by their owner while it is in progress. The last action of the round
 * done moves the corrective action to `verifying` in the same transaction, the check due its delay
 * after the last done date. Evidence files go through the attachments lib.
 */
@Injectable()
export class CorrectiveActionTasksService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: CorrectiveActionRepository,
    private readonly finder: CorrectiveActionFinder,
    private readonly correctiveActions: CorrectiveActionsService,
    private readonly users: UserDirectory,
    private readonly documents: DocumentDirectory,
    private readonly attachments: AttachmentsService,
    private readonly notifier: CorrectiveActionNotifier,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  async add(
    actor: Actor,
    correctiveActionId: string,
    input: AddCorrectiveActionTaskInput,
  ): Promise<CorrectiveActionTaskView> {
    return this.tx.run(async (db) => {
      const ca = await this.finder.correctiveAction(db, actor, correctiveActionId, true);
      assertActionsEditable(ca.state);
      const now = this.clock.now();
      assertDueDate(input.dueDate, todayInVietnam(now));
      const description = input.description.trim();
      await this.assertOwner(db, ca, input.ownerId, description);
      const documentId = input.documentId ?? null;
      const task: CorrectiveActionTaskEntity = {
        id: randomUUID(),
        correctiveActionId: ca.id,
        agencyId: ca.agencyId,
        round: ca.round,
        position: await this.repository.nextPosition(db, ca.id),
        description,
        ownerId: input.ownerId,
        dueDate: input.dueDate,
        doneOn: null,
        doneNote: null,
        documentId,
        documentIssueAtRaise: documentId ? await this.issueAtRaise(db, ca, documentId) : null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await this.repository.insertTask(db, task);
      await this.repository.save(db, ca, now);
      await this.auditTrail.record(db, actor, {
        agencyId: ca.agencyId,
        entityType: 'corrective_action',
        entityId: ca.id,
        action: 'corrective_action.action_added',
        after: {
          taskId: task.id,
          round: task.round,
          position: task.position,
          description: task.description,
          ownerId: task.ownerId,
          dueDate: task.dueDate,
          documentId: task.documentId,
          documentIssueAtRaise: task.documentIssueAtRaise,
        },
      });
      await this.notifier.notify(db, ca, await this.correctiveActions.numberOf(db, ca), actor.userId, {
        kind: 'action_assigned',
        task,
        by: await this.nameOf(db, actor),
      });
      return this.correctiveActions.taskView(db, ca, task);
    });
  }

  async get(actor: Actor, correctiveActionId: string, taskId: string): Promise<CorrectiveActionTaskView> {
    const db = this.tx.db;
    const ca = await this.finder.correctiveAction(db, actor, correctiveActionId);
    return this.correctiveActions.taskView(db, ca, await this.finder.task(db, ca, taskId));
  }

  /** Description, owner, due date, document of an action of the current round not yet done. */
  async update(
    actor: Actor,
    correctiveActionId: string,
    taskId: string,
    input: UpdateCorrectiveActionTaskInput,
    expectedVersion: number,
  ): Promise<CorrectiveActionTaskView> {
    return this.tx.run(async (db) => {
      const ca = await this.finder.correctiveAction(db, actor, correctiveActionId, true);
      const task = await this.finder.task(db, ca, taskId, true);
      assertVersion(task, expectedVersion);
      assertChangeable(ca, task);
      const now = this.clock.now();
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const change = <
        K extends 'description' | 'ownerId' | 'dueDate' | 'documentId' | 'documentIssueAtRaise',
      >(
        key: K,
        value: CorrectiveActionTaskEntity[K],
      ) => {
        if (task[key] === value) return;
        before[key] = task[key];
        after[key] = value;
        task[key] = value;
      };
      if (input.description !== undefined) change('description', input.description.trim());
      const previousDueDate = task.dueDate;
      if (input.dueDate !== undefined && input.dueDate !== task.dueDate) {
        assertDueDate(input.dueDate, todayInVietnam(now));
        change('dueDate', input.dueDate);
      }
      const ownerChanged = input.ownerId !== undefined && input.ownerId !== task.ownerId;
      if (ownerChanged) {
        await this.assertOwner(db, ca, input.ownerId!, task.description);
        change('ownerId', input.ownerId!);
      }
      if (input.documentId !== undefined && input.documentId !== task.documentId) {
        change('documentId', input.documentId);
        change(
          'documentIssueAtRaise',
          input.documentId ? await this.issueAtRaise(db, ca, input.documentId) : null,
        );
      }
      if (!Object.keys(after).length) return this.correctiveActions.taskView(db, ca, task);
      await this.repository.saveTask(db, task, now);
      await this.repository.save(db, ca, now);
      await this.auditTrail.record(db, actor, {
        agencyId: ca.agencyId,
        entityType: 'corrective_action',
        entityId: ca.id,
        action: 'corrective_action.action_updated',
        before: { taskId: task.id, ...before },
        after: { taskId: task.id, ...after },
      });
      if (ownerChanged) {
        await this.notifier.notify(db, ca, await this.correctiveActions.numberOf(db, ca), actor.userId, {
          kind: 'action_assigned',
          task,
          by: await this.nameOf(db, actor),
        });
      } else if (task.dueDate !== previousDueDate) {
        await this.notifier.notify(db, ca, await this.correctiveActions.numberOf(db, ca), actor.userId, {
          kind: 'action_rescheduled',
          task,
          previousDueDate,
          by: await this.nameOf(db, actor),
        });
      }
      return this.correctiveActions.taskView(db, ca, task);
    });
  }

  /**
   * Removes an action of the current round not yet done (without evidence files). A planned or
   * started corrective action keeps at least one action; removing the last open one of a round
   * whose others are done sends it to the check, as reporting it done would.
   */
  async remove(actor: Actor, correctiveActionId: string, taskId: string): Promise<void> {
    await this.tx.run(async (db) => {
      const ca = await this.finder.correctiveAction(db, actor, correctiveActionId, true);
      const task = await this.finder.task(db, ca, taskId, true);
      assertChangeable(ca, task);
      if (
        (await this.attachments.list(db, correctiveActionTaskFiles(task.id))).some(
          (f) => f.deletedAt === null,
        )
      ) {
        throw new DomainException(ErrorCode.CorrectiveActionTaskHasFiles);
      }
      const remaining = (await this.repository.tasks(db, ca.id)).filter((t) => t.id !== task.id);
      if (ca.state !== CorrectiveActionState.Open) assertPlanComplete(ca, remaining);
      await this.repository.deleteTask(db, task.id);
      const now = this.clock.now();
      const advanced = this.advanceIfRoundComplete(ca, remaining);
      await this.repository.save(db, ca, now);
      await this.auditTrail.record(db, actor, {
        agencyId: ca.agencyId,
        entityType: 'corrective_action',
        entityId: ca.id,
        action: 'corrective_action.action_removed',
        before: {
          taskId: task.id,
          round: task.round,
          description: task.description,
          ownerId: task.ownerId,
          dueDate: task.dueDate,
          documentId: task.documentId,
        },
        after: advanced ? { state: ca.state, verificationDue: ca.verificationDue } : undefined,
      });
      if (advanced) await this.notifyVerification(db, actor, ca);
    });
  }

  /**
   * The owner reports the action done (in progress only; the date not in the future nor before the
   * action was given). The round's last one moves the corrective action to `verifying`.
   */
  async markDone(
    actor: Actor,
    correctiveActionId: string,
    taskId: string,
    input: MarkTaskDoneInput,
    expectedVersion?: number,
  ): Promise<CorrectiveActionTaskView> {
    return this.tx.run(async (db) => {
      const ca = await this.finder.correctiveAction(db, actor, correctiveActionId, true);
      const task = await this.finder.task(db, ca, taskId, true);
      assertVersion(task, expectedVersion);
      assertIsActionOwner(actor.userId, task);
      if (task.doneOn !== null) {
        throw new DomainException(ErrorCode.CorrectiveActionTaskDone, {
          message: CORRECTIVE_ACTION_MESSAGES.taskDone(task.description, task.doneOn),
        });
      }
      if (ca.state !== CorrectiveActionState.InProgress) {
        throw new DomainException(ErrorCode.CorrectiveActionNotInProgress, {
          state: ca.state,
          message: CORRECTIVE_ACTION_MESSAGES.notInProgress(CORRECTIVE_ACTION_STATE_LABELS[ca.state]),
        });
      }
      if (task.round !== ca.round) throw new DomainException(ErrorCode.CorrectiveActionTaskPastRound);
      const now = this.clock.now();
      const today = todayInVietnam(now);
      const doneOn = input.doneOn ?? today;
      assertDoneOn(doneOn, today, todayInVietnam(task.createdAt));
      task.doneOn = doneOn;
      task.doneNote = input.note.trim();
      await this.repository.saveTask(db, task, now);
      const tasks = (await this.repository.tasks(db, ca.id)).map((t) => (t.id === task.id ? task : t));
      const advanced = this.advanceIfRoundComplete(ca, tasks);
      await this.repository.save(db, ca, now);
      await this.auditTrail.record(db, actor, {
        agencyId: ca.agencyId,
        entityType: 'corrective_action',
        entityId: ca.id,
        action: 'corrective_action.action_done',
        after: {
          taskId: task.id,
          round: task.round,
          doneOn,
          note: task.doneNote,
          ...(advanced ? { state: ca.state, verificationDue: ca.verificationDue } : {}),
        },
      });
      if (advanced) await this.notifyVerification(db, actor, ca);
      return this.correctiveActions.taskView(db, ca, task);
    });
  }

  // --- evidence files ---

  get maxBytes(): number {
    return this.attachments.maxBytes;
  }

  /** Checks everything that can be checked before a byte is stored. */
  async prepareUpload(actor: Actor, correctiveActionId: string, taskId: string): Promise<void> {
    await this.taskOf(actor, correctiveActionId, taskId);
    await this.attachments.prepareUpload(actor, correctiveActionTaskFiles(taskId));
  }

  /** `signal`: aborted when the client has gone; the file is then not kept. */
  async upload(
    actor: Actor,
    correctiveActionId: string,
    taskId: string,
    fileName: string,
    body: Readable,
    signal?: AbortSignal,
  ): Promise<CorrectiveActionFileView> {
    await this.taskOf(actor, correctiveActionId, taskId);
    const file = await this.attachments.upload(
      actor,
      correctiveActionTaskFiles(taskId),
      fileName,
      body,
      signal,
      {
        accepted: ALLOWED_DOCUMENT_MEDIA_TYPES,
      },
    );
    return toCorrectiveActionFileView(file);
  }

  async listFiles(
    actor: Actor,
    correctiveActionId: string,
    taskId: string,
  ): Promise<CorrectiveActionFileView[]> {
    await this.taskOf(actor, correctiveActionId, taskId);
    return (await this.attachments.list(this.tx.db, correctiveActionTaskFiles(taskId)))
      .filter((f) => f.deletedAt === null)
      .map(toCorrectiveActionFileView);
  }

  async download(
    actor: Actor,
    correctiveActionId: string,
    taskId: string,
    fileId: string,
  ): Promise<CorrectiveActionFileDownload> {
    await this.taskOf(actor, correctiveActionId, taskId);
    const { file, stream } = await this.attachments.open(actor, correctiveActionTaskFiles(taskId), fileId);
    return { file: toCorrectiveActionFileView(file), stream };
  }

  async removeFile(actor: Actor, correctiveActionId: string, taskId: string, fileId: string): Promise<void> {
    await this.taskOf(actor, correctiveActionId, taskId);
    await this.attachments.remove(actor, correctiveActionTaskFiles(taskId), fileId);
  }

  /** The action of this corrective action, as the actor may see it (404 otherwise). */
  private async taskOf(
    actor: Actor,
    correctiveActionId: string,
    taskId: string,
  ): Promise<CorrectiveActionTaskEntity> {
    const db = this.tx.db;
    const ca = await this.finder.correctiveAction(db, actor, correctiveActionId);
    return this.finder.task(db, ca, taskId);
  }

  // --- rules shared by the paths ---

  /**
   * in_progress with every action of the round done → verifying, the check due the delay after
   * the last done date. Changes `ca` in memory; the caller saves it. Whether it moved.
   */
  private advanceIfRoundComplete(
    ca: CorrectiveActionEntity,
    tasks: readonly CorrectiveActionTaskEntity[],
  ): boolean {
    if (ca.state !== CorrectiveActionState.InProgress || !roundComplete(tasks, ca.round)) return false;
    ca.state = nextCorrectiveActionState(ca.state, CorrectiveActionTransition.AwaitVerification);
    ca.verificationDue = verificationDueOf(
      tasks.filter((t) => t.round === ca.round).map((t) => t.doneOn!),
      ca.verificationDelayDays,
    );
    return true;
  }

  private async notifyVerification(db: Db, actor: Actor, ca: CorrectiveActionEntity): Promise<void> {
    await this.notifier.notify(db, ca, await this.correctiveActions.numberOf(db, ca), actor.userId, {
      kind: 'verification_started',
    });
  }

  /** An owner: an active account of the agency, and not the corrective action's verifier. */
  private async assertOwner(
    db: Db,
    ca: CorrectiveActionEntity,
    ownerId: string,
    description: string,
  ): Promise<void> {
    const owner = await this.users.cardOf(ownerId, db);
    assertOwnerEligible(owner, ca.agencyId);
    if (ca.verifierId) {
      const verifier = await this.users.cardOf(ca.verifierId, db);
      assertVerifierOwnsNoAction(ca.verifierId, [{ ownerId, description }], verifier?.fullName);
    }
  }

  /** A document of the agency, and the issue in force now (null: none), recorded with the action. */
  private async issueAtRaise(db: Db, ca: CorrectiveActionEntity, documentId: string): Promise<number | null> {
    const doc = (await this.documents.issueInForce([documentId], db, ca.agencyId)).get(documentId);
    if (!doc) {
      throw new DomainException(ErrorCode.CorrectiveActionDocumentInvalid);
    }
    return doc.issueNumber;
  }

  private async nameOf(db: Db, actor: Actor): Promise<string> {
    return (await this.users.cardOf(actor.userId, db))?.fullName ?? actor.username;
  }
}

/** An action changes while actions may (state), in the current round, not yet done. */
function assertChangeable(ca: CorrectiveActionEntity, task: CorrectiveActionTaskEntity): void {
  assertActionsEditable(ca.state);
  if (task.round !== ca.round) throw new DomainException(ErrorCode.CorrectiveActionTaskPastRound);
  if (task.doneOn !== null) {
    throw new DomainException(ErrorCode.CorrectiveActionTaskDone, {
      message: CORRECTIVE_ACTION_MESSAGES.taskDone(task.description, task.doneOn),
    });
  }
}
