import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainException, ErrorCode, JobName, nfc, offsetOf } from '@eiso/common';
import { Db, TransactionRunner } from '@eiso/database';
import { jobIdOf, JobOutbox } from '@eiso/queue';
import { NotificationRepository, NotificationRow } from './notification.repository';
import {
  NewNotification,
  NotificationListQuery,
  NotificationPage,
  NotificationView,
  toNotificationView,
} from './notification.view';

/** In-app notifications, and their e-mail copies through the `notifications.send` job. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly tx: TransactionRunner,
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
  ) {}

  /**
   * Writes the notifications inside the caller's transaction, so they commit with the change they
   * tell of, and their e-mail copies' `notifications.send` job with them (the job outbox): nothing
   * committed is left unsent. Returns the ids actually written (a repeated dedup key writes nothing).
   */
  async notify(db: Db, items: readonly NewNotification[]): Promise<string[]> {
    const createdAt = this.clock.now();
    const rows: NotificationRow[] = items.map((item) => ({
      id: randomUUID(),
      userId: item.userId,
      agencyId: item.agencyId,
      kind: item.kind,
      title: nfc(item.title),
      body: nfc(item.body),
      entityType: item.entityType ?? null,
      entityId: item.entityId ?? null,
      link: item.link ? nfc(item.link) : null,
      dedupKey: item.dedupKey ? nfc(item.dedupKey) : null,
      createdAt,
    }));
    const ids = await this.notifications.insertMany(db, rows);
    await this.queueDelivery(db, ids);
    return ids;
  }

  /**
   * Queues the e-mail copies of these notifications in the caller's transaction. The job id comes
   * from the ids, so handing the same ids twice queues one job.
   */
  async queueDelivery(db: Db, ids: readonly string[]): Promise<void> {
    const notificationIds = [...new Set(ids)].sort();
    if (notificationIds.length === 0) return;
    const key = createHash('sha256').update(notificationIds.join(',')).digest('hex');
    await this.outbox.add(
      db,
      JobName.NotificationsSend,
      { notificationIds },
      { jobId: jobIdOf(JobName.NotificationsSend, key) },
    );
  }

  /** The actor's own inbox, newest first, with the number of unread notifications. */
  async list(actor: Actor, query: NotificationListQuery): Promise<NotificationPage> {
    // The system actor has no inbox.
    if (!actor.userId) return { items: [], total: 0, page: query.page, pageSize: query.pageSize, unread: 0 };
    const [rows, total] = await this.notifications.findPageOfUser(
      this.tx.db,
      actor.userId,
      query.unreadOnly ?? false,
      offsetOf(query),
      query.pageSize,
    );
    const unread = await this.notifications.countUnread(this.tx.db, actor.userId);
    return {
      items: rows.map(toNotificationView),
      total,
      page: query.page,
      pageSize: query.pageSize,
      unread,
    };
  }

  /** Marks one of the actor's own notifications read; anyone else's is not found. */
  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    const row = actor.userId
      ? await this.notifications.markRead(this.tx.db, id, actor.userId, this.clock.now())
      : null;
    if (!row) throw new DomainException(ErrorCode.NotificationNotFound);
    return toNotificationView(row);
  }
}
