import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { bumpVersion, Db, escapeLike, findOneForUpdate } from '@eiso/database';
import { ObjectiveMeasurementEntity } from './objective-measurement.entity';
import { ObjectiveState } from './objective-state';
import { ObjectiveEntity } from './objective.entity';

export interface ObjectiveListFilter {
  agencyId: string;
  year?: number;
  ownerOrgUnitId?: string;
  state?: ObjectiveState;
  q?: string;
}

/** SQL of the objective tables. */
@Injectable()
export class ObjectiveRepository {
  async insert(db: Db, o: ObjectiveEntity): Promise<void> {
    await db.getRepository(ObjectiveEntity).insert(o);
  }

  findById(db: Db, id: string): Promise<ObjectiveEntity | null> {
    return db.getRepository(ObjectiveEntity).findOneBy({ id });
  }

  /** Writers of an objective and of its measurements wait for each other on the objective's row. */
  findByIdForUpdate(db: Db, id: string): Promise<ObjectiveEntity | null> {
    return findOneForUpdate(db, ObjectiveEntity, { id }, 'for_no_key_update');
  }

  async save(db: Db, o: ObjectiveEntity, now: Date): Promise<void> {
    bumpVersion(o, now);
    await db.getRepository(ObjectiveEntity).save(o);
  }

  /** Every objective of the filter, by year (newest first), then owner unit and statement. */
  findAll(db: Db, f: ObjectiveListFilter): Promise<ObjectiveEntity[]> {
    const qb = db
      .getRepository(ObjectiveEntity)
      .createQueryBuilder('o')
      .where('o.agency_id = :agencyId', { agencyId: f.agencyId });
    if (f.year !== undefined) qb.andWhere('o.year = :year', { year: f.year });
    if (f.ownerOrgUnitId) qb.andWhere('o.owner_org_unit_id = :unit', { unit: f.ownerOrgUnitId });
    if (f.state) qb.andWhere('o.state = :state', { state: f.state });
    if (f.q?.trim()) {
      qb.andWhere(`(o.statement ILIKE :q ESCAPE '\\' OR o.kpi_name ILIKE :q ESCAPE '\\')`, {
        q: `%${escapeLike(f.q.trim())}%`,
      });
    }
    return qb.orderBy('o.year', 'DESC').addOrderBy('o.created_at', 'ASC').addOrderBy('o.id', 'ASC').getMany();
  }

  /** Active objectives of the agency whose year lies between the two (inclusive). */
  activeInYears(db: Db, agencyId: string, fromYear: number, toYear: number): Promise<ObjectiveEntity[]> {
    return db
      .getRepository(ObjectiveEntity)
      .createQueryBuilder('o')
      .where('o.agency_id = :agencyId AND o.state = :state AND o.year BETWEEN :fromYear AND :toYear', {
        agencyId,
        state: ObjectiveState.Active,
        fromYear,
        toYear,
      })
      .orderBy('o.year', 'ASC')
      .addOrderBy('o.created_at', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .getMany();
  }

  /** Active objectives of every agency in these years (objectives.due). */
  activeOfYears(db: Db, years: readonly number[]): Promise<ObjectiveEntity[]> {
    return db
      .getRepository(ObjectiveEntity)
      .find({ where: { state: ObjectiveState.Active, year: In([...years]) }, order: { id: 'ASC' } });
  }

  /** Measurements of these objectives, by objective then period start. */
  measurementsOf(db: Db, objectiveIds: readonly string[]): Promise<ObjectiveMeasurementEntity[]> {
    if (!objectiveIds.length) return Promise.resolve([]);
    return db.getRepository(ObjectiveMeasurementEntity).find({
      where: { objectiveId: In([...objectiveIds]) },
      order: { objectiveId: 'ASC', periodStart: 'ASC', period: 'ASC' },
    });
  }

  countMeasurements(db: Db, objectiveId: string): Promise<number> {
    return db.getRepository(ObjectiveMeasurementEntity).countBy({ objectiveId });
  }

  findMeasurement(db: Db, id: string): Promise<ObjectiveMeasurementEntity | null> {
    return db.getRepository(ObjectiveMeasurementEntity).findOneBy({ id });
  }

  findMeasurementForUpdate(db: Db, id: string): Promise<ObjectiveMeasurementEntity | null> {
    return findOneForUpdate(db, ObjectiveMeasurementEntity, { id }, 'for_no_key_update');
  }

  async insertMeasurement(db: Db, m: ObjectiveMeasurementEntity): Promise<void> {
    await db.getRepository(ObjectiveMeasurementEntity).insert(m);
  }

  async saveMeasurement(db: Db, m: ObjectiveMeasurementEntity, now: Date): Promise<void> {
    bumpVersion(m, now);
    await db.getRepository(ObjectiveMeasurementEntity).save(m);
  }

  /** For the audit trail's subject names. */
  namesOf(db: Db, ids: readonly string[]): Promise<{ id: string; year: number; statement: string }[]> {
    return db.query('SELECT id, year, statement FROM objective WHERE id = ANY($1::uuid[])', [ids]);
  }

  measurementNamesOf(
    db: Db,
    ids: readonly string[],
  ): Promise<{ id: string; period: string; statement: string }[]> {
    return db.query(
      `SELECT m.id, m.period, o.statement
         FROM objective_measurement m JOIN objective o ON o.id = m.objective_id
        WHERE m.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /**
   * Records today's reminders of these (objective, period) pairs and answers those recorded by this
   * statement: a rerun the same day, or a racing run, gets nothing back.
   */
  async claimReminders(
    db: Db,
    day: string,
    now: Date,
    items: readonly { objectiveId: string; agencyId: string; period: string }[],
  ): Promise<{ objectiveId: string; period: string }[]> {
    if (!items.length) return [];
    const rows: { objective_id: string; period: string }[] = await db.query(
      `INSERT INTO objective_reminder (objective_id, period, day, agency_id, sent_at)
       SELECT x.objective_id, x.period, $1::date, x.agency_id, $2
         FROM unnest($3::uuid[], $4::text[], $5::uuid[]) AS x(objective_id, period, agency_id)
       ON CONFLICT DO NOTHING
       RETURNING objective_id, period`,
      [day, now, items.map((i) => i.objectiveId), items.map((i) => i.period), items.map((i) => i.agencyId)],
    );
    return rows.map((r) => ({ objectiveId: r.objective_id, period: r.period }));
  }
}
