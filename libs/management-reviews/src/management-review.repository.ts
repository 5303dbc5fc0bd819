import { Injectable } from '@nestjs/common';
import { bumpVersion, Db, findOneForUpdate } from '@eiso/database';
import { ManagementReviewActionEntity } from './management-review-action.entity';
import { ManagementReviewState } from './management-review-state';
import { ManagementReviewEntity } from './management-review.entity';

export interface ManagementReviewListFilter {
  agencyId: string;
  year?: number;
  state?: ManagementReviewState;
}

/** SQL of the management review's own tables. */
@Injectable()
export class ManagementReviewRepository {
  async insert(db: Db, review: ManagementReviewEntity): Promise<void> {
    await db.getRepository(ManagementReviewEntity).insert(review);
  }

  /** The next serial of the agency's year, serialized per (agency, year) until the transaction ends. */
  async nextSerial(db: Db, agencyId: string, year: number): Promise<number> {
    await db.query(`SELECT pg_advisory_xact_lock(hashtext('management-review-number:' || $1 || ':' || $2))`, [
      agencyId,
      String(year),
    ]);
    const rows: { n: number }[] = await db.query(
      'SELECT coalesce(max(serial), 0)::int + 1 AS n FROM management_review WHERE agency_id = $1 AND year = $2',
      [agencyId, year],
    );
    return rows[0].n;
  }

  findById(db: Db, id: string): Promise<ManagementReviewEntity | null> {
    return db.getRepository(ManagementReviewEntity).findOneBy({ id });
  }

  findByIdForUpdate(db: Db, id: string): Promise<ManagementReviewEntity | null> {
    return findOneForUpdate(db, ManagementReviewEntity, { id }, 'for_no_key_update');
  }

  async save(db: Db, review: ManagementReviewEntity, now: Date): Promise<void> {
    bumpVersion(review, now);
    await db.getRepository(ManagementReviewEntity).save(review);
  }

  /** A page of the agency's reviews, newest meeting first. */
  async findPage(
    db: Db,
    filter: ManagementReviewListFilter,
    offset: number,
    limit: number,
  ): Promise<[ManagementReviewEntity[], number]> {
    const qb = db
      .getRepository(ManagementReviewEntity)
      .createQueryBuilder('r')
      .where('r.agency_id = :agencyId', { agencyId: filter.agencyId });
    if (filter.year !== undefined) qb.andWhere('r.year = :year', { year: filter.year });
    if (filter.state !== undefined) qb.andWhere('r.state = :state', { state: filter.state });
    return qb
      .orderBy('r.meeting_date', 'DESC')
      .addOrderBy('r.year', 'DESC')
      .addOrderBy('r.serial', 'DESC')
      .offset(offset)
      .limit(limit)
      .getManyAndCount();
  }

  /**
   * The agency's latest held or signed review whose period ends before `periodTo` (the one whose
   * actions the next review reads), other than `excludeId`.
   */
  previousOf(
    db: Db,
    agencyId: string,
    periodTo: string,
    excludeId: string,
  ): Promise<ManagementReviewEntity | null> {
    return db
      .getRepository(ManagementReviewEntity)
      .createQueryBuilder('r')
      .where('r.agency_id = :agencyId', { agencyId })
      .andWhere('r.id <> :excludeId', { excludeId })
      .andWhere('r.state IN (:...states)', {
        states: [ManagementReviewState.Held, ManagementReviewState.Signed],
      })
      .andWhere('r.period_to < :periodTo', { periodTo })
      .orderBy('r.period_to', 'DESC')
      .addOrderBy('r.meeting_date', 'DESC')
      .getOne();
  }

  namesOf(
    db: Db,
    ids: readonly string[],
  ): Promise<{ id: string; serial: number; year: number; title: string }[]> {
    return db.query('SELECT id, serial, year, title FROM management_review WHERE id = ANY($1::uuid[])', [
      ids,
    ]);
  }

  // --- actions ---

  actionsOf(db: Db, reviewId: string): Promise<ManagementReviewActionEntity[]> {
    return db
      .getRepository(ManagementReviewActionEntity)
      .find({ where: { reviewId }, order: { position: 'ASC' } });
  }

  findAction(db: Db, reviewId: string, actionId: string): Promise<ManagementReviewActionEntity | null> {
    return db.getRepository(ManagementReviewActionEntity).findOneBy({ id: actionId, reviewId });
  }

  findActionById(db: Db, actionId: string): Promise<ManagementReviewActionEntity | null> {
    return db.getRepository(ManagementReviewActionEntity).findOneBy({ id: actionId });
  }

  findActionForUpdate(
    db: Db,
    reviewId: string,
    actionId: string,
  ): Promise<ManagementReviewActionEntity | null> {
    return findOneForUpdate(
      db,
      ManagementReviewActionEntity,
      { id: actionId, reviewId },
      'for_no_key_update',
    );
  }

  async nextActionPosition(db: Db, reviewId: string): Promise<number> {
    const rows: { n: number }[] = await db.query(
      'SELECT coalesce(max(position), 0)::int + 1 AS n FROM management_review_action WHERE review_id = $1',
      [reviewId],
    );
    return rows[0].n;
  }

  async insertAction(db: Db, action: ManagementReviewActionEntity): Promise<void> {
    await db.getRepository(ManagementReviewActionEntity).insert(action);
  }

  async saveAction(db: Db, action: ManagementReviewActionEntity, now: Date): Promise<void> {
    bumpVersion(action, now);
    await db.getRepository(ManagementReviewActionEntity).save(action);
  }

  actionNamesOf(db: Db, ids: readonly string[]): Promise<{ id: string; description: string }[]> {
    return db.query('SELECT id, description FROM management_review_action WHERE id = ANY($1::uuid[])', [ids]);
  }
}
