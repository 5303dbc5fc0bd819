import { Injectable } from '@nestjs/common';
import { bumpVersion, Db, findOneForUpdate } from '@eiso/database';
import { DisposalItemEntity } from './disposal-item.entity';
import { DisposalEntity } from './disposal.entity';
import { DisposalState } from './record-state';
import { recordWrite } from './record-unique-indexes';

/** One row of the biên bản hủy: the record as it was filed, with its type. */
export interface MinuteRow {
  recordId: string;
  title: string;
  reference: string | null;
  recordDate: string;
  retentionMonths: number | null;
  retentionEnd: string | null;
  typeCode: string;
  typeName: string;
  state: string;
  disposedAt: Date | null;
}

@Injectable()
export class DisposalRepository {
  /** Numbers of disposals, for the audit trail's subjects (unknown ids are left out). */
  numbersOf(db: Db, ids: string[]): Promise<{ id: string; number: number }[]> {
    return db.query('SELECT id, number FROM disposal WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** The next số biên bản of the agency; serialized per agency until the transaction ends. */
  async nextNumber(db: Db, agencyId: string): Promise<number> {
    await db.query(`SELECT pg_advisory_xact_lock(hashtext('disposal-number:' || $1))`, [agencyId]);
    const rows: { n: number }[] = await db.query(
      'SELECT coalesce(max(number), 0)::int + 1 AS n FROM disposal WHERE agency_id = $1',
      [agencyId],
    );
    return rows[0].n;
  }

  async insert(db: Db, disposal: DisposalEntity, recordIds: string[]): Promise<void> {
    await db.getRepository(DisposalEntity).insert(disposal);
    await recordWrite(() =>
      db
        .getRepository(DisposalItemEntity)
        .insert(recordIds.map((recordId) => ({ disposalId: disposal.id, recordId, rejected: false }))),
    );
  }

  findById(db: Db, id: string): Promise<DisposalEntity | null> {
    return db.getRepository(DisposalEntity).findOneBy({ id });
  }

  findByIdForUpdate(db: Db, id: string): Promise<DisposalEntity | null> {
    return findOneForUpdate(db, DisposalEntity, { id });
  }

  /** Writes the batch and bumps its row version; the caller holds the row lock. */
  async save(db: Db, disposal: DisposalEntity, now: Date): Promise<void> {
    bumpVersion(disposal, now);
    await db.getRepository(DisposalEntity).save(disposal);
  }

  async recordIds(db: Db, disposalId: string): Promise<string[]> {
    const items = await db
      .getRepository(DisposalItemEntity)
      .find({ where: { disposalId }, order: { recordId: 'ASC' } });
    return items.map((i) => i.recordId);
  }

  /** A rejected batch lets go of its records: they may be proposed again. */
  async rejectItems(db: Db, disposalId: string): Promise<void> {
    await db.getRepository(DisposalItemEntity).update({ disposalId }, { rejected: true });
  }

  async findPage(
    db: Db,
    agencyId: string,
    state: DisposalState | undefined,
    offset: number,
    limit: number,
  ): Promise<[DisposalEntity[], number]> {
    const qb = db
      .getRepository(DisposalEntity)
      .createQueryBuilder('d')
      .where('d.agency_id = :agencyId', { agencyId });
    if (state) qb.andWhere('d.state = :state', { state });
    return qb.orderBy('d.number', 'DESC').offset(offset).limit(limit).getManyAndCount();
  }

  /** Batches signed but not yet carried out, oldest signature first (a batch's last write is its approval). */
  async approvedIds(db: Db): Promise<string[]> {
    const rows = await db
      .getRepository(DisposalEntity)
      .find({ select: { id: true }, where: { state: DisposalState.Approved }, order: { updatedAt: 'ASC' } });
    return rows.map((r) => r.id);
  }

  async minuteRows(db: Db, disposalId: string): Promise<MinuteRow[]> {
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT r.id, r.title, r.reference, r.record_date::text AS record_date, r.retention_months,
              r.retention_end::text AS retention_end, t.code AS type_code, t.name AS type_name,
              r.state, r.disposed_at
         FROM disposal_item i
         JOIN record r ON r.id = i.record_id
         JOIN record_type t ON t.id = r.record_type_id
        WHERE i.disposal_id = $1
        ORDER BY t.code, r.record_date, r.title, r.id`,
      [disposalId],
    );
    return rows.map((r) => ({
      recordId: r.id as string,
      title: r.title as string,
      reference: (r.reference as string | null) ?? null,
      recordDate: r.record_date as string,
      retentionMonths: (r.retention_months as number | null) ?? null,
      retentionEnd: (r.retention_end as string | null) ?? null,
      typeCode: r.type_code as string,
      typeName: r.type_name as string,
      state: r.state as string,
      disposedAt: (r.disposed_at as Date | null) ?? null,
    }));
  }
}
