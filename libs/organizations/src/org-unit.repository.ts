import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@eiso/common';
import { Db, escapeLike, mapUniqueViolation, saveIfVersion } from '@eiso/database';
import { OrgUnitEntity } from './org-unit.entity';

export interface OrgUnitFilter {
  q?: string;
  active?: boolean;
  parentId?: string;
}

const UNIQUE_INDEXES: Record<string, ErrorCode> = {
  ux_org_unit_agency_name: ErrorCode.OrgUnitNameTaken,
};

/** Namespace of the per-agency lock that serializes parent changes of its units. */
const UNIT_TREE_LOCK_NAMESPACE = 7_315_003;
const MAX_DEPTH = 64;

@Injectable()
export class OrgUnitRepository {
  /** Names of org units, for the audit trail's subjects (unknown ids are left out). */
  namesOf(db: Db, ids: string[]): Promise<{ id: string; name: string }[]> {
    return db.query('SELECT id, name FROM org_unit WHERE id = ANY($1::uuid[])', [ids]);
  }

  findInAgency(db: Db, agencyId: string, id: string): Promise<OrgUnitEntity | null> {
    return db.getRepository(OrgUnitEntity).findOneBy({ id, agencyId });
  }

  async findPage(
    db: Db,
    agencyId: string,
    filter: OrgUnitFilter,
    offset: number,
    limit: number,
  ): Promise<[OrgUnitEntity[], number]> {
    const qb = db
      .getRepository(OrgUnitEntity)
      .createQueryBuilder('u')
      .where('u.agency_id = :agencyId', { agencyId });
    if (filter.active !== undefined) qb.andWhere('u.active = :active', { active: filter.active });
    if (filter.parentId) qb.andWhere('u.parent_id = :parentId', { parentId: filter.parentId });
    if (filter.q) {
      qb.andWhere(`eiso_fold(u.name) LIKE '%' || eiso_fold(:q) || '%'`, { q: escapeLike(filter.q) });
    }
    return qb
      .orderBy('eiso_fold(u.name)', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .offset(offset)
      .limit(limit)
      .getManyAndCount();
  }

  /** The unit itself and every unit above it. */
  async selfAndAncestorIds(db: Db, id: string): Promise<string[]> {
    const rows: { id: string }[] = await db.query(
      `WITH RECURSIVE up (id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM org_unit WHERE id = $1
         UNION ALL
         SELECT u.id, u.parent_id, up.depth + 1 FROM org_unit u JOIN up ON u.id = up.parent_id WHERE up.depth < $2
       )
       SELECT id FROM up`,
      [id, MAX_DEPTH],
    );
    return rows.map((r) => r.id);
  }

  /** Held until the transaction ends: two parent changes in one agency cannot build a loop together. */
  async lockUnitTree(db: Db, agencyId: string): Promise<void> {
    await db.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [UNIT_TREE_LOCK_NAMESPACE, agencyId]);
  }

  async insert(db: Db, unit: OrgUnitEntity): Promise<void> {
    await mapUniqueViolation(() => db.getRepository(OrgUnitEntity).insert(unit), UNIQUE_INDEXES);
  }

  /** Saves only when the row still has `expectedVersion`, else 412 (saveIfVersion). */
  async updateIfVersion(db: Db, unit: OrgUnitEntity, expectedVersion: number, at: Date): Promise<void> {
    await mapUniqueViolation(
      () => saveIfVersion(db, OrgUnitEntity, unit, expectedVersion, at),
      UNIQUE_INDEXES,
    );
  }
}
