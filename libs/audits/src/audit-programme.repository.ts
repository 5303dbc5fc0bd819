import { Injectable } from '@nestjs/common';
import { bumpVersion, Db, findOneForUpdate } from '@eiso/database';
import { AuditProgrammeEntryEntity } from './audit-programme-entry.entity';
import { AuditProgrammeEntity } from './audit-programme.entity';

/** The unique index that keeps one programme per agency and year. */
export const PROGRAMME_YEAR_INDEX = 'uq_audit_programme_agency_year';

/** SQL of the audit_programme and audit_programme_entry tables. */
@Injectable()
export class AuditProgrammeRepository {
  findById(db: Db, id: string): Promise<AuditProgrammeEntity | null> {
    return db.getRepository(AuditProgrammeEntity).findOneBy({ id });
  }

  findByIdForUpdate(db: Db, id: string): Promise<AuditProgrammeEntity | null> {
    return findOneForUpdate(db, AuditProgrammeEntity, { id });
  }

  existsForYear(db: Db, agencyId: string, year: number): Promise<boolean> {
    return db.getRepository(AuditProgrammeEntity).existsBy({ agencyId, year });
  }

  async insert(db: Db, programme: AuditProgrammeEntity, entries: AuditProgrammeEntryEntity[]): Promise<void> {
    await db.getRepository(AuditProgrammeEntity).insert(programme);
    if (entries.length) await db.getRepository(AuditProgrammeEntryEntity).insert(entries);
  }

  /** Writes the programme and bumps its version; the caller holds the row lock. */
  async save(db: Db, programme: AuditProgrammeEntity, now: Date): Promise<void> {
    bumpVersion(programme, now);
    await db.getRepository(AuditProgrammeEntity).save(programme);
  }

  async replaceEntries(db: Db, programmeId: string, entries: AuditProgrammeEntryEntity[]): Promise<void> {
    await db.getRepository(AuditProgrammeEntryEntity).delete({ programmeId });
    if (entries.length) await db.getRepository(AuditProgrammeEntryEntity).insert(entries);
  }

  entriesOf(db: Db, programmeId: string): Promise<AuditProgrammeEntryEntity[]> {
    return db
      .getRepository(AuditProgrammeEntryEntity)
      .find({ where: { programmeId }, order: { position: 'ASC' } });
  }

  findPage(
    db: Db,
    filter: { agencyId: string; year?: number },
    offset: number,
    limit: number,
  ): Promise<[AuditProgrammeEntity[], number]> {
    const qb = db
      .getRepository(AuditProgrammeEntity)
      .createQueryBuilder('p')
      .where('p.agency_id = :agencyId', { agencyId: filter.agencyId });
    if (filter.year !== undefined) qb.andWhere('p.year = :year', { year: filter.year });
    return qb
      .orderBy('p.year', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .offset(offset)
      .limit(limit)
      .getManyAndCount();
  }

  /** Years of programmes, for the audit trail's subjects. */
  namesOf(db: Db, ids: string[]): Promise<{ id: string; year: number }[]> {
    return db.query('SELECT id, year FROM audit_programme WHERE id = ANY($1::uuid[])', [ids]);
  }
}
