import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { Db } from '@eiso/database';
import { NotificationEntity } from './notification.entity';

/** A row to insert: the service has generated the id, normalized the text and set the time. */
export type NotificationRow = Omit<NotificationEntity, 'readAt' | 'emailedAt'>;

@Injectable()
export class NotificationRepository {
  /**
   * Inserts every row in one statement and returns the ids actually inserted: a row whose user
   * already has a notification with the same dedup key (or an earlier row of the batch) is skipped.
   */
  async insertMany(db: Db, rows: readonly NotificationRow[]): Promise<string[]> {
    if (rows.length === 0) return [];
    // One array per column: a fixed 11 parameters however many rows there are.
    const inserted: { id: string }[] = await db.query(
      `INSERT INTO notification
         (id, user_id, agency_id, kind, title, body, entity_type, entity_id, link, dedup_key, created_at)
       SELECT * FROM unnest(
         $1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[],
         $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[])
       ON CONFLICT (user_id, dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.userId),
        rows.map((r) => r.agencyId),
        rows.map((r) => r.kind),
        rows.map((r) => r.title),
        rows.map((r) => r.body),
        rows.map((r) => r.entityType),
        rows.map((r) => r.entityId),
        rows.map((r) => r.link),
        rows.map((r) => r.dedupKey),
        rows.map((r) => r.createdAt),
      ],
    );
    return inserted.map((r) => r.id);
  }

  /** One user's notifications, newest first. */
  findPageOfUser(
    db: Db,
    userId: string,
    unreadOnly: boolean,
    offset: number,
    limit: number,
  ): Promise<[NotificationEntity[], number]> {
    return db.getRepository(NotificationEntity).findAndCount({
      where: unreadOnly ? { userId, readAt: IsNull() } : { userId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: offset,
      take: limit,
    });
  }

  countUnread(db: Db, userId: string): Promise<number> {
    return db.getRepository(NotificationEntity).countBy({ userId, readAt: IsNull() });
  }

  /** Marks the user's own notification read (once: a second call keeps the first time); null if not theirs. */
  async markRead(db: Db, id: string, userId: string, at: Date): Promise<NotificationEntity | null> {
    const repository = db.getRepository(NotificationEntity);
    await repository.update({ id, userId, readAt: IsNull() }, { readAt: at });
    return repository.findOneBy({ id, userId });
  }

  findByIds(db: Db, ids: readonly string[]): Promise<NotificationEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.getRepository(NotificationEntity).find({
      where: { id: In([...ids]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Records the e-mail copy; a notification already marked keeps its first time. */
  async markEmailed(db: Db, id: string, at: Date): Promise<void> {
    await db.getRepository(NotificationEntity).update({ id, emailedAt: IsNull() }, { emailedAt: at });
  }
}
