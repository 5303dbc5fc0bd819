import { Injectable } from '@nestjs/common';
import { Db } from '@eiso/database';
import { NewNotification, NotificationsService, webLink } from '@eiso/notifications';
import { CorrectiveActionTaskEntity } from './corrective-action-task.entity';
import { CorrectiveActionEntity } from './corrective-action.entity';
import { CORRECTIVE_ACTION_MESSAGES } from './corrective-action.messages';

export type CorrectiveActionEvent =
  | { kind: 'action_assigned'; task: CorrectiveActionTaskEntity; by: string }
  | { kind: 'action_rescheduled'; task: CorrectiveActionTaskEntity; previousDueDate: string; by: string }
  | { kind: 'verification_started' }
  | { kind: 'reopened'; failedRound: number; ownerIds: string[]; reason: string; by: string }
  | { kind: 'closed'; ownerIds: string[]; by: string };

/**
 * Who hears of each step of a corrective action: an action's owner when it is given to them (again
 * after a reassignment A → B → A: the key holds the action's version) and when its due date moves, the
 * verifier when the check can start, the owners of the round and whoever opened the corrective
 * action when it is found not effective, and the same when it closes. Never the person who acted.
 * Rows (and their e-mail job) are written in the caller's transaction: nothing for a rollback.
 */
@Injectable()
export class CorrectiveActionNotifier {
  constructor(private readonly notifications: NotificationsService) {}

  async notify(
    db: Db,
    ca: CorrectiveActionEntity,
    ncNumber: string,
    actorId: string,
    event: CorrectiveActionEvent,
  ): Promise<string[]> {
    const { recipients, text, key } = this.compose(ca, ncNumber, event);
    const items: NewNotification[] = [...new Set(recipients)]
      .filter((userId) => userId !== actorId)
      .map((userId) => ({
        userId,
        agencyId: ca.agencyId,
        kind: `corrective_action.${event.kind}`,
        title: text.title,
        body: text.body,
        entityType: 'corrective_action',
        entityId: ca.id,
        link: webLink.correctiveAction(ca.id),
        dedupKey: `corrective_action.${event.kind}:${key}`,
      }));
    return items.length ? this.notifications.notify(db, items) : [];
  }

  private compose(
    ca: CorrectiveActionEntity,
    ncNumber: string,
    event: CorrectiveActionEvent,
  ): { recipients: string[]; text: { title: string; body: string }; key: string } {
    const M = CORRECTIVE_ACTION_MESSAGES.notifications;
    switch (event.kind) {
      case 'action_assigned':
        return {
          recipients: [event.task.ownerId],
          text: M.actionAssigned(ncNumber, event.task.description, event.task.dueDate, event.by),
          key: `${event.task.id}:${event.task.version}:${event.task.ownerId}`,
        };
      case 'action_rescheduled':
        return {
          recipients: [event.task.ownerId],
          text: M.actionRescheduled(
            ncNumber,
            event.task.description,
            event.previousDueDate,
            event.task.dueDate,
            event.by,
          ),
          key: `${event.task.id}:${event.task.version}`,
        };
      case 'verification_started':
        return {
          recipients: ca.verifierId ? [ca.verifierId] : [],
          text: M.verificationStarted(ncNumber, ca.verificationDue ?? ''),
          key: `${ca.id}:${ca.round}:${ca.verifierId ?? ''}`,
        };
      case 'reopened':
        return {
          recipients: [ca.createdBy, ...event.ownerIds],
          text: M.reopened(ncNumber, ca.round, event.reason, event.by),
          key: `${ca.id}:${event.failedRound}`,
        };
      case 'closed':
        return {
          recipients: [ca.createdBy, ...event.ownerIds],
          text: M.closed(ncNumber, event.by),
          key: ca.id,
        };
    }
  }
}
