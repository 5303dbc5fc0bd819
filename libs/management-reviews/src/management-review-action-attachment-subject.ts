import { Injectable } from '@nestjs/common';
import {
  AttachmentOwner,
  AttachmentSubject,
  AttachmentSubjectOf,
  AttachmentSubjectRef,
  WritableSubject,
} from '@eiso/attachments';
import { Actor, DomainException, ErrorCode, hasPermission, Permission } from '@eiso/common';
import { Db } from '@eiso/database';
import { ManagementReviewFinder } from './management-review-finder';
import { ReviewActionState } from './management-review-state';
import { assertActionsOpen } from './management-review-state-machine';
import { ManagementReviewActionEntity } from './management-review-action.entity';

/** The attachment subject type of a review action's evidence (and the trail's entity type of its files). */
export const REVIEW_ACTION_ATTACHMENTS = 'management_review_action';

export function reviewActionFiles(actionId: string): AttachmentSubjectRef {
  return { type: REVIEW_ACTION_ATTACHMENTS, id: actionId };
}

/**
 * Who sees and changes the evidence of a review's action: agency-internal (404 across agencies);
 * files change while the action is open, by its owner or a manager of reviews.
 */
@Injectable()
@AttachmentSubjectOf(REVIEW_ACTION_ATTACHMENTS)
export class ManagementReviewActionAttachmentSubject implements AttachmentSubject {
  readonly onAgencyTransfer = 'keep' as const;
  readonly errors = {
    fileNotFound: ErrorCode.ManagementReviewFileNotFound,
    fileDeleted: ErrorCode.ManagementReviewFileNotFound,
  };
  readonly audit = {
    uploaded: 'management_review_action_file.uploaded',
    deleted: 'management_review_action_file.deleted',
  } as const;

  constructor(private readonly finder: ManagementReviewFinder) {}

  async findReadable(db: Db, actor: Actor, actionId: string): Promise<AttachmentOwner> {
    const action = await this.finder.actionOf(db, actor, actionId);
    return { agencyId: action.agencyId };
  }

  async findWritable(db: Db, actor: Actor, actionId: string, lock: boolean): Promise<WritableSubject> {
    const unlocked = await this.finder.actionOf(db, actor, actionId);
    // The review's row first, then the action's: the lock order of every review write.
    const review = await this.finder.review(db, actor, unlocked.reviewId, lock);
    const action = lock ? await this.finder.action(db, review, actionId, true) : unlocked;
    assertActionsOpen(review.state);
    assertMayWorkOn(actor, action);
    return {
      agencyId: action.agencyId,
      keyPrefix: `agency/${action.agencyId}/management-reviews/${review.id}/actions/${action.id}`,
    };
  }
}

/** An open action, changed by its owner or a manager of reviews. */
export function assertMayWorkOn(actor: Actor, action: ManagementReviewActionEntity): void {
  if (action.state === ReviewActionState.Done)
    throw new DomainException(ErrorCode.ManagementReviewActionDone);
  if (action.ownerId !== actor.userId && !hasPermission(actor.roles, Permission.ManagementReviewManage)) {
    throw new DomainException(ErrorCode.ManagementReviewNotActionOwner);
  }
}
