import { Injectable } from '@nestjs/common';
import { Db, escapeLike, findOneForUpdate, saveIfVersion } from '@eiso/database';
import { FindingType } from './audit-state';
import { AuditFindingEntity } from './audit-finding.entity';

export interface FindingFilter {
  type?: FindingType;
  clause?: string;
  orgUnitId?: string;
}

/**
 * SQL of the audit_finding table. Serials are drawn under the audit's row lock (every finding
 * write holds it), so `uq_audit_finding_serial` is never raced.
 */
@Injectable()
export class AuditFindingRepository {
  findOne(db: Db, auditId: string, id: string): Promise<AuditFindingEntity | null> {
    return db.getRepository(AuditFindingEntity).findOneBy({ id, auditId });
  }

  findOneForUpdate(db: Db, auditId: string, id: string): Promise<AuditFindingEntity | null> {
    return findOneForUpdate(db, AuditFindingEntity, { id, auditId });
  }

  findById(db: Db, id: string): Promise<AuditFindingEntity | null> {
    return db.getRepository(AuditFindingEntity).findOneBy({ id });
  }

  /** Every finding of an audit, by serial. */
  ofAudit(db: Db, auditId: string): Promise<AuditFindingEntity[]> {
    return db.getRepository(AuditFindingEntity).find({ where: { auditId }, order: { serial: 'ASC' } });
  }

  findPage(
    db: Db,
    auditId: string,
    filter: FindingFilter,
    offset: number,
    limit: number,
  ): Promise<[AuditFindingEntity[], number]> {
    const qb = db
      .getRepository(AuditFindingEntity)
      .createQueryBuilder('f')
      .where('f.audit_id = :auditId', { auditId });
    if (filter.type) qb.andWhere('f.type = :type', { type: filter.type });
    // A clause filter finds the clause and its sub-clauses ("8.5" finds 8.5.1).
    if (filter.clause) {
      qb.andWhere('(f.clause = :clause OR f.clause LIKE :prefix)', {
        clause: filter.clause,
        prefix: `${escapeLike(filter.clause)}.%`,
      });
    }
    if (filter.orgUnitId) qb.andWhere('f.org_unit_id = :orgUnitId', { orgUnitId: filter.orgUnitId });
    return qb.orderBy('f.serial', 'ASC').offset(offset).limit(limit).getManyAndCount();
  }

  /** The next serial of the audit; the caller holds the audit's row lock. */
  async nextSerial(db: Db, auditId: string): Promise<number> {
    const [row]: { next: number }[] = await db.query(
      'SELECT COALESCE(MAX(serial), 0)::int + 1 AS next FROM audit_finding WHERE audit_id = $1',
      [auditId],
    );
    return row.next;
  }

  async insert(db: Db, finding: AuditFindingEntity): Promise<void> {
    await db.getRepository(AuditFindingEntity).insert(finding);
  }

  /** Writes the finding as `expectedVersion + 1`; 412 when someone changed it meanwhile. */
  save(db: Db, finding: AuditFindingEntity, expectedVersion: number, at: Date): Promise<void> {
    return saveIfVersion(db, AuditFindingEntity, finding, expectedVersion, at, [
      'auditId',
      'agencyId',
      'serial',
    ]);
  }

  async delete(db: Db, id: string): Promise<void> {
    await db.getRepository(AuditFindingEntity).delete({ id });
  }

  /** Serials, statements and their audits' numbers, for the audit trail's subjects. */
  namesOf(
    db: Db,
    ids: readonly string[],
  ): Promise<{ id: string; serial: number; statement: string; audit_serial: number; audit_year: number }[]> {
    return db.query(
      `SELECT f.id, f.serial, f.statement, a.serial AS audit_serial, a.year AS audit_year
         FROM audit_finding f JOIN audit a ON a.id = f.audit_id
        WHERE f.id = ANY($1::uuid[])`,
      [ids],
    );
  }
}
