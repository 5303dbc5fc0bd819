import { Injectable } from '@nestjs/common';
import { bumpVersion, Db, findOneForUpdate } from '@eiso/database';
import { AuditState } from './audit-state';
import { AuditChecklistItemEntity } from './audit-checklist-item.entity';
import { AuditEntity } from './audit.entity';

export interface AuditListFilter {
  agencyId: string;
  year?: number;
  state?: AuditState;
  programmeId?: string;
  orgUnitId?: string;
  /** Lead auditor or team member. */
  auditorId?: string;
}

/** SQL of the audit and audit_checklist_item tables. */
@Injectable()
export class AuditRepository {
  findById(db: Db, id: string): Promise<AuditEntity | null> {
    return db.getRepository(AuditEntity).findOneBy({ id });
  }

  findByIdForUpdate(db: Db, id: string): Promise<AuditEntity | null> {
    return findOneForUpdate(db, AuditEntity, { id });
  }

  async insert(db: Db, audit: AuditEntity): Promise<void> {
    await db.getRepository(AuditEntity).insert(audit);
  }

  /** Writes the audit and bumps its row version; the caller holds the row lock. */
  async save(db: Db, audit: AuditEntity, now: Date): Promise<void> {
    bumpVersion(audit, now);
    await db.getRepository(AuditEntity).save(audit);
  }

  /**
   * The next serial of the agency's year. The caller holds the programme's row lock (one programme
   * per agency and year), so two plans of one year cannot take the same serial.
   */
  async nextSerial(db: Db, agencyId: string, year: number): Promise<number> {
    const [row]: { next: number }[] = await db.query(
      'SELECT COALESCE(MAX(serial), 0)::int + 1 AS next FROM audit WHERE agency_id = $1 AND year = $2',
      [agencyId, year],
    );
    return row.next;
  }

  /** Audits planned under one programme, by start date. */
  ofProgramme(db: Db, programmeId: string): Promise<AuditEntity[]> {
    return db
      .getRepository(AuditEntity)
      .find({ where: { programmeId }, order: { startDate: 'ASC', serial: 'ASC' } });
  }

  findPage(db: Db, filter: AuditListFilter, offset: number, limit: number): Promise<[AuditEntity[], number]> {
    const qb = db
      .getRepository(AuditEntity)
      .createQueryBuilder('a')
      .where('a.agency_id = :agencyId', { agencyId: filter.agencyId });
    if (filter.year !== undefined) qb.andWhere('a.year = :year', { year: filter.year });
    if (filter.state) qb.andWhere('a.state = :state', { state: filter.state });
    if (filter.programmeId) qb.andWhere('a.programme_id = :programmeId', { programmeId: filter.programmeId });
    if (filter.orgUnitId) qb.andWhere(':orgUnitId = ANY(a.org_unit_ids)', { orgUnitId: filter.orgUnitId });
    if (filter.auditorId) {
      qb.andWhere('(a.lead_auditor_id = :auditorId OR :auditorId = ANY(a.team_ids))', {
        auditorId: filter.auditorId,
      });
    }
    return qb
      .orderBy('a.start_date', 'ASC')
      .addOrderBy('a.serial', 'ASC')
      .offset(offset)
      .limit(limit)
      .getManyAndCount();
  }

  // --- checklist ---

  async insertItems(db: Db, items: AuditChecklistItemEntity[]): Promise<void> {
    if (items.length) await db.getRepository(AuditChecklistItemEntity).insert(items);
  }

  itemsOf(db: Db, auditId: string): Promise<AuditChecklistItemEntity[]> {
    return db
      .getRepository(AuditChecklistItemEntity)
      .find({ where: { auditId }, order: { position: 'ASC' } });
  }

  findItem(db: Db, auditId: string, itemId: string, lock = false): Promise<AuditChecklistItemEntity | null> {
    return lock
      ? findOneForUpdate(db, AuditChecklistItemEntity, { id: itemId, auditId })
      : db.getRepository(AuditChecklistItemEntity).findOneBy({ id: itemId, auditId });
  }

  async saveItem(db: Db, item: AuditChecklistItemEntity, now: Date): Promise<void> {
    bumpVersion(item, now);
    await db.getRepository(AuditChecklistItemEntity).save(item);
  }

  /** Titles and serials of audits, for the audit trail's subjects. */
  namesOf(db: Db, ids: string[]): Promise<{ id: string; title: string; serial: number; year: number }[]> {
    return db.query('SELECT id, title, serial, year FROM audit WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** Checklist items with their audit's serial and year, for the audit trail's subjects. */
  itemNamesOf(
    db: Db,
    ids: string[],
  ): Promise<{ id: string; position: number; serial: number; year: number }[]> {
    return db.query(
      `SELECT i.id, i.position, a.serial, a.year
         FROM audit_checklist_item i JOIN audit a ON a.id = i.audit_id
        WHERE i.id = ANY($1::uuid[])`,
      [ids],
    );
  }
}
