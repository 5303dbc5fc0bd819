import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AttachmentsService } from '@eiso/attachments';
import { AuditTrailService } from '@eiso/audit-trail';
import {
  Actor,
  Clock,
  DomainException,
  ErrorCode,
  hasPermission,
  Permission,
  todayInVietnam,
} from '@eiso/common';
import { assertVersion, Db, TransactionRunner } from '@eiso/database';
import { UserDirectory } from '@eiso/identity';
import { ALLOWED_DOCUMENT_MEDIA_TYPES } from '@eiso/storage';
import { ManagementReviewActionEntity } from './management-review-action.entity';
import { assertMayWorkOn, reviewActionFiles } from './management-review-action-attachment-subject';
import { ManagementReviewFinder } from './management-review-finder';
import { ManagementReviewNotifier } from './management-review-notifier';
import { ReviewActionKind, ReviewActionState } from './management-review-state';
import { assertActionsOpen, assertDecisionsOpen } from './management-review-state-machine';
import { ManagementReviewRepository } from './management-review.repository';
import { ReviewActionView, toReviewActionView } from './management-review.views';

export interface AddReviewActionInput {
  kind: ReviewActionKind;
  description: string;
  ownerId: string;
  dueDate: string;
}

export interface UpdateReviewActionInput {
  kind?: ReviewActionKind;
  description?: string;
  ownerId?: string;
  dueDate?: string;
}

export interface MarkReviewActionDoneInput {
  /** Vietnam calendar date; today when absent. */
  doneOn?: string;
  note: string;
}

export interface ReviewActionFileView {
  id: string;
  name: string;
  size: number;
  sha256: string;
  mediaType: string;
  createdAt: string;
}

/**
 * The outputs of a review (9.3.3): decisions and actions added once it is held, changed by a
 * manager while open, reported done by their owner (or a manager) with a note and evidence files.
 */
@Injectable()
export class ManagementReviewActionsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: ManagementReviewRepository,
    private readonly finder: ManagementReviewFinder,
    private readonly notifier: ManagementReviewNotifier,
    private readonly users: UserDirectory,
    private readonly attachments: AttachmentsService,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, reviewId: string): Promise<ReviewActionView[]> {
    const db = this.tx.db;
    const review = await this.finder.review(db, actor, reviewId);
    const actions = await this.repository.actionsOf(db, review.id);
    return this.views(db, actions);
  }

  async get(actor: Actor, reviewId: string, actionId: string): Promise<ReviewActionView> {
    const db = this.tx.db;
    const review = await this.finder.review(db, actor, reviewId);
    return (await this.views(db, [await this.finder.action(db, review, actionId)]))[0];
  }

  async add(actor: Actor, reviewId: string, input: AddReviewActionInput): Promise<ReviewActionView> {
    return this.tx.run(async (db) => {
      const review = await this.finder.review(db, actor, reviewId, true);
      assertDecisionsOpen(review.state);
      await this.assertOwner(db, review.agencyId, input.ownerId);
      const now = this.clock.now();
      const action: ManagementReviewActionEntity = {
        id: randomUUID(),
        reviewId: review.id,
        agencyId: review.agencyId,
        position: await this.repository.nextActionPosition(db, review.id),
        kind: input.kind,
        description: input.description.trim(),
        ownerId: input.ownerId,
        dueDate: input.dueDate,
        state: ReviewActionState.Open,
        doneOn: null,
        doneNote: null,
        doneBy: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await this.repository.insertAction(db, action);
      await this.auditTrail.record(db, actor, {
        agencyId: review.agencyId,
        entityType: 'management_review',
        entityId: review.id,
        action: 'management_review_action.added',
        after: summary(action),
      });
      await this.notifier.actionAssigned(db, actor.userId, review, action);
      return (await this.views(db, [action]))[0];
    });
  }

  async update(
    actor: Actor,
    reviewId: string,
    actionId: string,
    input: UpdateReviewActionInput,
    expectedVersion: number,
  ): Promise<ReviewActionView> {
    return this.tx.run(async (db) => {
      const review = await this.finder.review(db, actor, reviewId, true);
      const action = await this.finder.action(db, review, actionId, true);
      assertVersion(action, expectedVersion);
      assertDecisionsOpen(review.state);
      if (action.state === ReviewActionState.Done)
        throw new DomainException(ErrorCode.ManagementReviewActionDone);
      const before = summary(action);
      if (input.ownerId !== undefined && input.ownerId !== action.ownerId) {
        await this.assertOwner(db, review.agencyId, input.ownerId);
        action.ownerId = input.ownerId;
      }
      if (input.kind !== undefined) action.kind = input.kind;
      if (input.description !== undefined) action.description = input.description.trim();
      if (input.dueDate !== undefined) action.dueDate = input.dueDate;
      const after = summary(action);
      if (JSON.stringify(after) === JSON.stringify(before)) return (await this.views(db, [action]))[0];
      await this.repository.saveAction(db, action, this.clock.now());
      await this.auditTrail.record(db, actor, {
        agencyId: review.agencyId,
        entityType: 'management_review',
        entityId: review.id,
        action: 'management_review_action.updated',
        before,
        after,
      });
      if (before.ownerId !== after.ownerId)
        await this.notifier.actionAssigned(db, actor.userId, review, action);
      return (await this.views(db, [action]))[0];
    });
  }

  /** The owner (or a manager) reports the action done: 403 for others, 409 when already done. */
  async done(
    actor: Actor,
    reviewId: string,
    actionId: string,
    input: MarkReviewActionDoneInput,
    expectedVersion?: number,
  ): Promise<ReviewActionView> {
    return this.tx.run(async (db) => {
      const review = await this.finder.review(db, actor, reviewId, true);
      const action = await this.finder.action(db, review, actionId, true);
      assertVersion(action, expectedVersion);
      assertActionsOpen(review.state);
      assertMayWorkOn(actor, action);
      const now = this.clock.now();
      const today = todayInVietnam(now);
      const doneOn = input.doneOn ?? today;
      const created = todayInVietnam(action.createdAt);
      if (doneOn > today || doneOn < created) {
        throw new DomainException(ErrorCode.ValidationFailed, {
          errors: [{ field: 'doneOn', message: 'Ngày hoàn thành phải từ ngày giao hành động đến hôm nay.' }],
        });
      }
      action.state = ReviewActionState.Done;
      action.doneOn = doneOn;
      action.doneNote = input.note.trim();
      action.doneBy = actor.userId;
      await this.repository.saveAction(db, action, now);
      await this.auditTrail.record(db, actor, {
        agencyId: review.agencyId,
        entityType: 'management_review',
        entityId: review.id,
        action: 'management_review_action.done',
        after: { actionId: action.id, doneOn, note: action.doneNote },
      });
      return (await this.views(db, [action]))[0];
    });
  }

  /** Refuses before a byte is read when the upload can never succeed. */
  async prepareUpload(actor: Actor, reviewId: string, actionId: string): Promise<void> {
    await this.actionOf(actor, reviewId, actionId);
    await this.attachments.prepareUpload(actor, reviewActionFiles(actionId));
  }

  async upload(
    actor: Actor,
    reviewId: string,
    actionId: string,
    fileName: string,
    body: Readable,
    signal?: AbortSignal,
  ): Promise<ReviewActionFileView> {
    await this.actionOf(actor, reviewId, actionId);
    const file = await this.attachments.upload(actor, reviewActionFiles(actionId), fileName, body, signal, {
      accepted: ALLOWED_DOCUMENT_MEDIA_TYPES,
    });
    return toFileView(file);
  }

  async listFiles(actor: Actor, reviewId: string, actionId: string): Promise<ReviewActionFileView[]> {
    await this.actionOf(actor, reviewId, actionId);
    return (await this.attachments.list(this.tx.db, reviewActionFiles(actionId)))
      .filter((f) => f.deletedAt === null)
      .map(toFileView);
  }

  async download(
    actor: Actor,
    reviewId: string,
    actionId: string,
    fileId: string,
  ): Promise<{ file: ReviewActionFileView; stream: Readable }> {
    await this.actionOf(actor, reviewId, actionId);
    const { file, stream } = await this.attachments.open(actor, reviewActionFiles(actionId), fileId);
    return { file: toFileView(file), stream };
  }

  async removeFile(actor: Actor, reviewId: string, actionId: string, fileId: string): Promise<void> {
    await this.actionOf(actor, reviewId, actionId);
    await this.attachments.remove(actor, reviewActionFiles(actionId), fileId);
  }

  private async actionOf(
    actor: Actor,
    reviewId: string,
    actionId: string,
  ): Promise<ManagementReviewActionEntity> {
    const db = this.tx.db;
    const review = await this.finder.review(db, actor, reviewId);
    return this.finder.action(db, review, actionId);
  }

  private async views(db: Db, actions: readonly ManagementReviewActionEntity[]): Promise<ReviewActionView[]> {
    const names = await this.users.fullNamesOf(
      actions.map((a) => a.ownerId),
      db,
    );
    const today = todayInVietnam(this.clock.now());
    return actions.map((a) => toReviewActionView(a, names.get(a.ownerId) ?? '', today));
  }

  private async assertOwner(db: Db, agencyId: string, ownerId: string): Promise<void> {
    const card = await this.users.cardOf(ownerId, db);
    // The owner follows the action up on the review's pages: a reader of reviews.
    if (
      !card ||
      card.agencyId !== agencyId ||
      !card.active ||
      !hasPermission(card.roles, Permission.ManagementReviewRead)
    ) {
      throw new DomainException(ErrorCode.ManagementReviewActionOwnerInvalid, { ownerId });
    }
  }
}

function summary(a: ManagementReviewActionEntity) {
  return { actionId: a.id, kind: a.kind, description: a.description, ownerId: a.ownerId, dueDate: a.dueDate };
}

function toFileView(f: {
  id: string;
  name: string;
  size: number;
  sha256: string;
  mediaType: string;
  createdAt: Date;
}): ReviewActionFileView {
  return {
    id: f.id,
    name: f.name,
    size: f.size,
    sha256: f.sha256,
    mediaType: f.mediaType,
    createdAt: f.createdAt.toISOString(),
  };
}
