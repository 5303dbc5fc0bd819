import { Injectable } from '@nestjs/common';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Db } from '@eiso/database';
import { AuditEventEntity } from './audit-event.entity';

/** Any constant shared by every writer: appends to the chain are serialized on it. */
const CHAIN_LOCK_KEY = 7_315_002_001;

export interface AuditEventFilter {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  agencyId?: string;
  from?: Date;
  to?: Date;
}

@Injectable()
export class AuditEventRepository {
  /**
   * Locks the chain until the caller's transaction ends and returns the newest hash.
   * The lock is released at commit, so the next writer always sees this link.
   */
  async lockChainHead(db: Db): Promise<string | null> {
    await db.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    const rows: { hash: string }[] = await db.query('SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1');
    return rows[0]?.hash ?? null;
  }

  async insert(db: Db, events: Omit<AuditEventEntity, 'seq'>[]): Promise<void> {
    await db
      .createQueryBuilder()
      .insert()
      .into(AuditEventEntity)
      .values(events as QueryDeepPartialEntity<AuditEventEntity>[])
      .execute();
  }

  async findPage(
    db: Db,
    filter: AuditEventFilter,
    offset: number,
    limit: number,
    order: 'ASC' | 'DESC',
  ): Promise<[AuditEventEntity[], number]> {
    const qb = db.getRepository(AuditEventEntity).createQueryBuilder('e');
    if (filter.action) qb.andWhere('e.action = :action', { action: filter.action });
    if (filter.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.agencyId) qb.andWhere('e.agency_id = :agencyId', { agencyId: filter.agencyId });
    if (filter.from) qb.andWhere('e.occurred_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('e.occurred_at < :to', { to: filter.to });
    return qb.orderBy('e.seq', order).offset(offset).limit(limit).getManyAndCount();
  }

  /** Keyset batches in chain order, so verification reads the whole table in bounded memory. */
  async batchAfter(db: Db, afterSeq: string, limit: number): Promise<AuditEventEntity[]> {
    return db
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .where('e.seq > :afterSeq', { afterSeq })
      .orderBy('e.seq', 'ASC')
      .limit(limit)
      .getMany();
  }
}
