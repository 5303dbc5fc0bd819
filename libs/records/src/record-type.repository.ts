import { Injectable } from '@nestjs/common';
import { bumpVersion, Db, escapeLike, findOneForUpdate } from '@eiso/database';
import { RecordTypeEntity } from './record-type.entity';
import { recordWrite } from './record-unique-indexes';
import { RecordState } from './record-state';

export interface RecordRegisterRow {
  type: RecordTypeEntity;
  /** Records kept now (not disposed). */
  kept: number;
}

@Injectable()
export class RecordTypeRepository {
  /** Codes and names of record types, for the audit trail's subjects (unknown ids are left out). */
  namesOf(db: Db, ids: string[]): Promise<{ id: string; code: string; name: string }[]> {
    return db.query('SELECT id, code, name FROM record_type WHERE id = ANY($1::uuid[])', [ids]);
  }

  async insert(db: Db, type: RecordTypeEntity): Promise<void> {
    await recordWrite(() => db.getRepository(RecordTypeEntity).insert(type));
  }

  findById(db: Db, id: string): Promise<RecordTypeEntity | null> {
    return db.getRepository(RecordTypeEntity).findOneBy({ id });
  }

  findByIdForUpdate(db: Db, id: string): Promise<RecordTypeEntity | null> {
    return findOneForUpdate(db, RecordTypeEntity, { id });
  }

  findByIds(db: Db, ids: string[]): Promise<RecordTypeEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return db
      .getRepository(RecordTypeEntity)
      .createQueryBuilder('t')
      .whereInIds([...new Set(ids)])
      .getMany();
  }

  async codeExists(db: Db, agencyId: string, code: string, exceptId?: string): Promise<boolean> {
    const qb = db
      .getRepository(RecordTypeEntity)
      .createQueryBuilder('t')
      .where('t.agency_id = :agencyId AND lower(t.code) = lower(:code)', { agencyId, code });
    if (exceptId) qb.andWhere('t.id <> :exceptId', { exceptId });
    return qb.getExists();
  }

  /** Writes the type and bumps its row version; the caller holds the row lock. */
  async save(db: Db, type: RecordTypeEntity, now: Date): Promise<void> {
    bumpVersion(type, now);
    await recordWrite(() => db.getRepository(RecordTypeEntity).save(type));
  }

  async findPage(
    db: Db,
    agencyId: string,
    q: string | undefined,
    offset: number,
    limit: number,
  ): Promise<[RecordTypeEntity[], number]> {
    const qb = db
      .getRepository(RecordTypeEntity)
      .createQueryBuilder('t')
      .where('t.agency_id = :agencyId', { agencyId });
    if (q) {
      qb.andWhere(`eiso_fold(t.code || ' ' || t.name) LIKE '%' || eiso_fold(:q) || '%'`, {
        q: escapeLike(q),
      });
    }
    return qb
      .orderBy('t.code', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .offset(offset)
      .limit(limit)
      .getManyAndCount();
  }

  /**
   * A changed retention applies to the type's records still `active`: their retention end moves
   * with it (PostgreSQL's month arithmetic clamps like `addMonths`). Returns how many moved.
   */
  async applyRetention(db: Db, typeId: string, months: number | null, now: Date): Promise<number> {
    const rows: { n: number }[] = await db.query(
      `WITH changed AS (
         UPDATE record
            SET retention_months = $2::int,
                retention_end = CASE WHEN $2::int IS NULL THEN NULL
                                     ELSE (record_date + make_interval(months => $2::int))::date END,
                updated_at = $3, version = version + 1
          WHERE record_type_id = $1 AND state = $4
            AND retention_months IS DISTINCT FROM $2::int
         RETURNING 1)
       SELECT count(*)::int AS n FROM changed`,
      [typeId, months, now, RecordState.Active],
    );
    return rows[0].n;
  }

  /** The Danh mục hồ sơ of an agency, by code. */
  async register(db: Db, agencyId: string): Promise<RecordRegisterRow[]> {
    const types = await db
      .getRepository(RecordTypeEntity)
      .createQueryBuilder('t')
      .where('t.agency_id = :agencyId', { agencyId })
      .orderBy('t.code', 'ASC')
      .getMany();
    if (!types.length) return [];
    const kept: { id: string; kept: number }[] = await db.query(
      `SELECT t.id, (SELECT count(*)::int FROM record r WHERE r.record_type_id = t.id AND r.state <> $2) AS kept
         FROM record_type t
        WHERE t.agency_id = $1`,
      [agencyId, RecordState.Disposed],
    );
    const keptOf = new Map(kept.map((k) => [k.id, k.kept]));
    return types.map((type) => ({ type, kept: keptOf.get(type.id) ?? 0 }));
  }
}
