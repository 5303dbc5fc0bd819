import { Injectable } from '@nestjs/common';
import { Actor, Permission } from '@eiso/common';
import {
  AuditSubject,
  AuditVisibility,
  AuditVisibilityOf,
  namesByUuid,
  visibleByPermission,
} from '@eiso/audit-trail';
import { Db } from '@eiso/database';
import { REVIEW_ACTION_ATTACHMENTS } from './management-review-action-attachment-subject';
import { ManagementReviewRepository } from './management-review.repository';
import { REVIEW_MESSAGES } from './management-reviews.messages';

/**
 * Management reviews are agency-internal: their trail, like their routes, is for members of the
 * agency who read reviews; neither a system admin nor the overseer reads it.
 */
@Injectable()
@AuditVisibilityOf('management_review', REVIEW_ACTION_ATTACHMENTS)
export class ManagementReviewAuditVisibility implements AuditVisibility {
  constructor(private readonly repository: ManagementReviewRepository) {}

  visibleSubjects(
    _db: Db,
    actor: Actor,
    _entityType: string,
    subjects: readonly AuditSubject[],
  ): Promise<boolean[]> {
    return visibleByPermission(actor, Permission.ManagementReviewRead, subjects, false);
  }

  /** A review by its number and title, an action by its description. */
  subjectNames(db: Db, entityType: string, entityIds: readonly string[]): Promise<(string | null)[]> {
    return namesByUuid(entityIds, async (ids): Promise<(readonly [string, string])[]> => {
      if (entityType === 'management_review') {
        return (await this.repository.namesOf(db, ids)).map((r) => [
          r.id,
          REVIEW_MESSAGES.name(r.serial, r.year, r.title),
        ]);
      }
      return (await this.repository.actionNamesOf(db, ids)).map((a) => [
        a.id,
        REVIEW_MESSAGES.actionName(a.description),
      ]);
    });
  }
}
