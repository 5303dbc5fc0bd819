import { Injectable } from '@nestjs/common';
import { bumpVersion, Db, escapeLike, findOneForUpdate, lockManyInIdOrder } from '@eiso/database';
import { RecordEntity } from './record.entity';
import { DisposalState, RecordState } from './record-state';

export interface RecordListFilter {
  agencyId: string;
  recordTypeId?: string;
  state?: RecordState;
  onHold?: boolean;
  recordDateFrom?: string;
  recordDateTo?: string;
  /** Retention ends strictly before this calendar date. */
  retentionBefore?: string;
  q?: string;
}

export type RecordSortField = 'recordDate' | 'retentionEnd' | 'title' | 'createdAt';

const SORT_COLUMNS: Record<RecordSortField, string> = {
  recordDate: 'r.record_date',
  retentionEnd: 'r.retention_end',
  title: 'r.title',
  createdAt: 'r.created_at',
};

/** What one run of the retention job moved in one agency. */
export interface DueInAgency {
  agencyId: string;
  count: number;
  /**
   * Every record moved, comma-separated: at a backlog of hundreds of thousands of records one
   * string travels, hashes and stores far cheaper than an array of as many strings.
   */
  recordIds: string;
  /** One of them, to key the run's notification. */
  firstId: string;
  /** A few of them for the notification, soonest retention end first. */
  samples: { title: string; reference: string | null; retentionEnd: string }[];
}

/** How many records a retention notification names before "và … hồ sơ khác". */
export const DUE_SAMPLE_SIZE = 20;

@Injectable()
export class RecordRepository {
  /** Titles and references of records, for the audit trail's subjects (unknown ids are left out). */
  namesOf(db: Db, ids: string[]): Promise<{ id: string; title: string; reference: string | null }[]> {
    return db.query('SELECT id, title, reference FROM record WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** Files the record and its search text (title and reference never change afterwards). */
  async insert(db: Db, record: RecordEntity): Promise<void> {
    await db.getRepository(RecordEntity).insert(record);
    await db.query('INSERT INTO record_search (record_id, agency_id, text) VALUES ($1, $2, $3)', [
      record.id,
      record.agencyId,
      [record.title, record.reference].filter(Boolean).join(' '),
    ]);
  }

  findById(db: Db, id: string): Promise<RecordEntity | null> {
    return db.getRepository(RecordEntity).findOneBy({ id });
  }

  findByIdForUpdate(db: Db, id: string): Promise<RecordEntity | null> {
    return findOneForUpdate(db, RecordEntity, { id });
  }

  /**
   * Locks records of one agency in id order. Every path that locks several records (propose,
   * approve, reject) takes them in this order and before the batch row, so none can deadlock.
   */
  lockMany(db: Db, agencyId: string, ids: string[]): Promise<RecordEntity[]> {
    return lockManyInIdOrder(db, RecordEntity, ids, { agencyId });
  }

  findByIds(db: Db, ids: string[]): Promise<RecordEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return db
      .getRepository(RecordEntity)
      .createQueryBuilder('r')
      .whereInIds([...new Set(ids)])
      .orderBy('r.id', 'ASC')
      .getMany();
  }

  /** Writes the record and bumps its row version; the caller holds the row lock. */
  async save(db: Db, record: RecordEntity, now: Date): Promise<void> {
    bumpVersion(record, now);
    await db.getRepository(RecordEntity).save(record);
  }

  async findPage(
    db: Db,
    filter: RecordListFilter,
    sort: { field: RecordSortField; direction: 'ASC' | 'DESC' },
    offset: number,
    limit: number,
  ): Promise<[RecordEntity[], number]> {
    const qb = db
      .getRepository(RecordEntity)
      .createQueryBuilder('r')
      .where('r.agency_id = :agencyId', { agencyId: filter.agencyId });
    if (filter.recordTypeId) qb.andWhere('r.record_type_id = :typeId', { typeId: filter.recordTypeId });
    if (filter.state) qb.andWhere('r.state = :state', { state: filter.state });
    if (filter.onHold !== undefined) {
      qb.andWhere(filter.onHold ? 'r.hold_reason IS NOT NULL' : 'r.hold_reason IS NULL');
    }
    if (filter.recordDateFrom) qb.andWhere('r.record_date >= :from', { from: filter.recordDateFrom });
    if (filter.recordDateTo) qb.andWhere('r.record_date <= :to', { to: filter.recordDateTo });
    if (filter.retentionBefore) {
      qb.andWhere('r.retention_end < :before', { before: filter.retentionBefore });
    }
    if (filter.q) {
      qb.andWhere(
        `r.id IN (SELECT s.record_id FROM record_search s
                   WHERE s.agency_id = :agencyId AND eiso_fold(s.text) LIKE '%' || eiso_fold(:q) || '%')`,
        { q: escapeLike(filter.q) },
      );
    }
    return qb
      .orderBy(
        SORT_COLUMNS[sort.field],
        sort.direction,
        sort.direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST',
      )
      .addOrderBy('r.id', 'ASC')
      .offset(offset)
      .limit(limit)
      .getManyAndCount();
  }

  /**
   * The retention job's one statement: every `active` record, not on hold, whose retention ended
   * by `today` becomes `due_for_disposal`, summed up per agency in the same round trip (unordered
   * aggregates: no sort of the moved rows). The few a notification names are read back by id.
   */
  async markDue(db: Db, today: string, now: Date): Promise<DueInAgency[]> {
    const moved: { agency_id: string; count: number; record_ids: string; sample_ids: string[] }[] =
      await db.query(
        `WITH moved AS (
           UPDATE record
              SET state = $3, due_at = $2, updated_at = $2, version = version + 1
            WHERE state = $4 AND hold_reason IS NULL AND retention_end <= $1::date
           RETURNING agency_id, id)
         SELECT agency_id, count(*)::int AS count, string_agg(id::text, ',') AS record_ids,
                (array_agg(id))[1:$5::int] AS sample_ids
           FROM moved
          GROUP BY agency_id`,
        [today, now, RecordState.DueForDisposal, RecordState.Active, DUE_SAMPLE_SIZE],
      );
    if (!moved.length) return [];
    const samples: { id: string; title: string; reference: string | null; retention_end: string }[] =
      await db.query(
        `SELECT id, title, reference, retention_end::text AS retention_end
           FROM record WHERE id = ANY($1::uuid[])
          ORDER BY retention_end, title, id`,
        [moved.flatMap((m) => m.sample_ids)],
      );
    return moved.map((m) => {
      const named = new Set(m.sample_ids);
      return {
        agencyId: m.agency_id,
        count: m.count,
        recordIds: m.record_ids,
        firstId: m.sample_ids[0],
        samples: samples
          .filter((s) => named.has(s.id))
          .map((s) => ({ title: s.title, reference: s.reference, retentionEnd: s.retention_end })),
      };
    });
  }

  /** The batch each record currently sits in (one not rejected), with its number and state. */
  async openDisposals(
    db: Db,
    recordIds: string[],
  ): Promise<{ recordId: string; disposalId: string; number: number; state: DisposalState }[]> {
    if (!recordIds.length) return [];
    const rows: { record_id: string; disposal_id: string; number: number; state: DisposalState }[] =
      await db.query(
        `SELECT i.record_id, i.disposal_id, d.number, d.state
           FROM disposal_item i JOIN disposal d ON d.id = i.disposal_id
          WHERE i.record_id = ANY($1::uuid[]) AND NOT i.rejected`,
        [recordIds],
      );
    return rows.map((r) => ({
      recordId: r.record_id,
      disposalId: r.disposal_id,
      number: r.number,
      state: r.state,
    }));
  }
}
