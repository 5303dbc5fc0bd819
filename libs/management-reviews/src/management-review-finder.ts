import { Injectable } from '@nestjs/common';
import { Actor, DomainException, ErrorCode } from '@eiso/common';
import { Db } from '@eiso/database';
import { ManagementReviewActionEntity } from './management-review-action.entity';
import { ManagementReviewEntity } from './management-review.entity';
import { ManagementReviewRepository } from './management-review.repository';

/**
 * Loads reviews the way every service must: they are agency-internal, so another agency's answer
 * 404 exactly like ones that do not exist.
 */
@Injectable()
export class ManagementReviewFinder {
  constructor(private readonly repository: ManagementReviewRepository) {}

  async review(db: Db, actor: Actor, id: string, lock = false): Promise<ManagementReviewEntity> {
    const review = lock
      ? await this.repository.findByIdForUpdate(db, id)
      : await this.repository.findById(db, id);
    if (!review || !actor.agencyId || review.agencyId !== actor.agencyId) {
      throw new DomainException(ErrorCode.ManagementReviewNotFound);
    }
    return review;
  }

  async action(
    db: Db,
    review: ManagementReviewEntity,
    actionId: string,
    lock = false,
  ): Promise<ManagementReviewActionEntity> {
    const action = lock
      ? await this.repository.findActionForUpdate(db, review.id, actionId)
      : await this.repository.findAction(db, review.id, actionId);
    if (!action) throw new DomainException(ErrorCode.ManagementReviewActionNotFound);
    return action;
  }

  /** An action by its own id (the attachment subject), as the actor may see it. */
  async actionOf(db: Db, actor: Actor, actionId: string): Promise<ManagementReviewActionEntity> {
    const action = await this.repository.findActionById(db, actionId);
    if (!action || !actor.agencyId || action.agencyId !== actor.agencyId) {
      throw new DomainException(ErrorCode.ManagementReviewActionNotFound);
    }
    return action;
  }
}

/** The agency whose reviews the actor works on. */
export function reviewAgencyOf(actor: Actor): string {
  if (!actor.agencyId) throw new DomainException(ErrorCode.Forbidden);
  return actor.agencyId;
}
