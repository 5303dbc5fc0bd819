import { Injectable } from '@nestjs/common';
import { Db } from '@eiso/database';
import { NewNotification, NotificationsService, webLink } from '@eiso/notifications';
import { ManagementReviewActionEntity } from './management-review-action.entity';
import { managementReviewNumber } from './management-review-numbering';
import { ManagementReviewEntity } from './management-review.entity';
import { REVIEW_MESSAGES } from './management-reviews.messages';

/**
 * Who hears of a review: the chair and the attendees when it is planned (the meeting date), the
 * owner of each decision or action when it is assigned; never the person who acted. Written in
 * the caller's transaction.
 */
@Injectable()
export class ManagementReviewNotifier {
  constructor(private readonly notifications: NotificationsService) {}

  async planned(db: Db, actorId: string, review: ManagementReviewEntity): Promise<string[]> {
    const text = REVIEW_MESSAGES.planned(
      managementReviewNumber(review.serial, review.year),
      review.title,
      review.meetingDate,
      review.place,
    );
    const recipients = new Set([review.chairId, ...review.attendeeIds]);
    recipients.delete(actorId);
    const items: NewNotification[] = [...recipients].map((userId) => ({
      userId,
      agencyId: review.agencyId,
      kind: 'management_review.planned',
      title: text.title,
      body: text.body,
      entityType: 'management_review',
      entityId: review.id,
      link: webLink.managementReview(review.id),
      dedupKey: `management_review.planned:${review.id}:${review.meetingDate}`,
    }));
    return items.length ? this.notifications.notify(db, items) : [];
  }

  async actionAssigned(
    db: Db,
    actorId: string,
    review: ManagementReviewEntity,
    action: ManagementReviewActionEntity,
  ): Promise<string[]> {
    if (action.ownerId === actorId) return [];
    const text = REVIEW_MESSAGES.actionAssigned(
      managementReviewNumber(review.serial, review.year),
      action.description,
      action.dueDate,
    );
    return this.notifications.notify(db, [
      {
        userId: action.ownerId,
        agencyId: review.agencyId,
        kind: 'management_review.action_assigned',
        title: text.title,
        body: text.body,
        entityType: 'management_review',
        entityId: review.id,
        link: webLink.managementReview(review.id),
        dedupKey: `management_review.action_assigned:${action.id}:${action.ownerId}`,
      },
    ]);
  }
}
