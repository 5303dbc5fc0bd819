import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { ErrorCode } from '@eiso/common';
import { Db, escapeLike, mapUniqueViolation, saveIfVersion } from '@eiso/database';
import { AgencyEntity } from './agency.entity';
import { AgencyLevel, AgencyStatus } from './agency-level';
import { AgencySort, AgencySortField } from './agency-sort';

export interface AgencyFilter {
  /** Restricts the list to these agencies (the caller's scope). */
  ids?: string[];
  level?: AgencyLevel;
  roadmapYear?: number;
  parentId?: string;
  status?: AgencyStatus;
  q?: string;
}

/** What the official heading takes from one agency of the chain. */
export interface AgencyHeadingRow {
  name: string;
  level: AgencyLevel;
  abbreviation: string | null;
  place: string | null;
}

/** One name under one parent: the key an import is idempotent on. */
export interface AgencySiblingKey {
  parentId: string | null;
  name: string;
}

export interface AgencyImportChange {
  id: string;
  level: AgencyLevel;
  roadmapYear: number | null;
  abbreviation: string | null;
  place: string | null;
}

const UNIQUE_INDEXES: Record<string, ErrorCode> = {
  ux_agency_code: ErrorCode.AgencyCodeTaken,
  ux_agency_parent_name: ErrorCode.AgencyNameTaken,
};

const SORT_EXPRESSIONS: Record<AgencySortField, string> = {
  name: 'eiso_fold(a.name)',
  code: 'lower(a.code)',
  level: 'a.level',
  roadmapYear: 'a.roadmap_year',
  createdAt: 'a.created_at',
  updatedAt: 'a.updated_at',
};

/** Serializes changes of the agency tree (parent edits, imports) so that no cycle can slip in. */
const HIERARCHY_LOCK_KEY = 7_315_003_001;
const NO_PARENT = '00000000-0000-0000-0000-000000000000';
const INSERT_CHUNK = 1000;
/** Deeper than any real administration; stops the walk if the data were ever corrupted into a loop. */
const MAX_DEPTH = 64;

@Injectable()
export class AgencyRepository {
  /** Names of agencies, for the audit trail's subjects (unknown ids are left out). */
  namesOf(db: Db, ids: string[]): Promise<{ id: string; name: string }[]> {
    return db.query('SELECT id, name FROM agency WHERE id = ANY($1::uuid[])', [ids]);
  }

  findById(db: Db, id: string): Promise<AgencyEntity | null> {
    return db.getRepository(AgencyEntity).findOneBy({ id });
  }

  async exists(db: Db, id: string): Promise<boolean> {
    return db.getRepository(AgencyEntity).existsBy({ id });
  }

  findByLevel(db: Db, level: AgencyLevel): Promise<AgencyEntity[]> {
    return db.getRepository(AgencyEntity).findBy({ level });
  }

  async findPage(
    db: Db,
    filter: AgencyFilter,
    sort: AgencySort,
    offset: number,
    limit: number,
  ): Promise<[AgencyEntity[], number]> {
    const qb = db.getRepository(AgencyEntity).createQueryBuilder('a');
    if (filter.ids) qb.andWhere(filter.ids.length > 0 ? 'a.id IN (:...ids)' : 'FALSE', { ids: filter.ids });
    if (filter.level) qb.andWhere('a.level = :level', { level: filter.level });
    if (filter.roadmapYear !== undefined) qb.andWhere('a.roadmap_year = :year', { year: filter.roadmapYear });
    if (filter.parentId) qb.andWhere('a.parent_id = :parentId', { parentId: filter.parentId });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.q) {
      qb.andWhere(`eiso_fold(a.name) LIKE '%' || eiso_fold(:q) || '%'`, { q: escapeLike(filter.q) });
    }
    const direction = sort.direction === 'asc' ? 'ASC' : 'DESC';
    return qb
      .orderBy(SORT_EXPRESSIONS[sort.field], direction, 'NULLS LAST')
      .addOrderBy('eiso_fold(a.name)', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .offset(offset)
      .limit(limit)
      .getManyAndCount();
  }

  /** Existing agencies for each key (same parent, same folded name), by the key's position. */
  async matchSiblings(db: Db, keys: AgencySiblingKey[]): Promise<Map<number, AgencyEntity>> {
    if (keys.length === 0) return new Map();
    const pairs: { idx: number; id: string }[] = await db.query(
      `SELECT k.idx AS idx, a.id AS id
         FROM unnest($1::int[], $2::uuid[], $3::text[]) AS k (idx, parent_id, name)
         JOIN agency a
           ON coalesce(a.parent_id, '${NO_PARENT}'::uuid) = coalesce(k.parent_id, '${NO_PARENT}'::uuid)
          AND eiso_fold(a.name) = eiso_fold(k.name)`,
      [keys.map((_k, i) => i), keys.map((k) => k.parentId), keys.map((k) => k.name)],
    );
    if (pairs.length === 0) return new Map();
    const found = await db.getRepository(AgencyEntity).findBy({ id: In(pairs.map((p) => p.id)) });
    const byId = new Map(found.map((a) => [a.id, a]));
    return new Map(pairs.map((p) => [p.idx, byId.get(p.id) as AgencyEntity]));
  }

  /** The agency itself and every agency above it. */
  async selfAndAncestorIds(db: Db, id: string): Promise<string[]> {
    const rows: { id: string }[] = await db.query(
      `WITH RECURSIVE up (id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM agency WHERE id = $1
         UNION ALL
         SELECT a.id, a.parent_id, up.depth + 1 FROM agency a JOIN up ON a.id = up.parent_id WHERE up.depth < $2
       )
       SELECT id FROM up`,
      [id, MAX_DEPTH],
    );
    return rows.map((r) => r.id);
  }

  /** The agency and every agency above it, nearest first: what its official heading is made of. */
  selfAndAncestors(db: Db, id: string): Promise<AgencyHeadingRow[]> {
    return db.query(
      `WITH RECURSIVE up (id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM agency WHERE id = $1
         UNION ALL
         SELECT a.id, a.parent_id, up.depth + 1 FROM agency a JOIN up ON a.id = up.parent_id WHERE up.depth < $2
       )
       SELECT a.name, a.level, a.abbreviation, a.place FROM up JOIN agency a ON a.id = up.id ORDER BY up.depth`,
      [id, MAX_DEPTH],
    );
  }

  async lockHierarchy(db: Db): Promise<void> {
    await db.query('SELECT pg_advisory_xact_lock($1)', [HIERARCHY_LOCK_KEY]);
  }

  async insert(db: Db, agency: AgencyEntity): Promise<void> {
    await mapUniqueViolation(() => db.getRepository(AgencyEntity).insert(agency), UNIQUE_INDEXES);
  }

  async insertMany(db: Db, agencies: AgencyEntity[]): Promise<void> {
    for (let i = 0; i < agencies.length; i += INSERT_CHUNK) {
      const chunk = agencies.slice(i, i + INSERT_CHUNK);
      await mapUniqueViolation(
        () => db.createQueryBuilder().insert().into(AgencyEntity).values(chunk).updateEntity(false).execute(),
        UNIQUE_INDEXES,
      );
    }
  }

  /** Saves only when the row still has `expectedVersion`, else 412 (saveIfVersion). */
  async updateIfVersion(db: Db, agency: AgencyEntity, expectedVersion: number, at: Date): Promise<void> {
    await mapUniqueViolation(
      () => saveIfVersion(db, AgencyEntity, agency, expectedVersion, at),
      UNIQUE_INDEXES,
    );
  }

  /** One statement for every agency an import changes. */
  async applyImportChanges(db: Db, changes: AgencyImportChange[], at: Date): Promise<void> {
    if (changes.length === 0) return;
    await db.query(
      `UPDATE agency a
          SET level = c.level, roadmap_year = c.roadmap_year, abbreviation = c.abbreviation,
              place = c.place, version = a.version + 1, updated_at = $4
         FROM unnest($1::uuid[], $2::text[], $3::int[], $5::text[], $6::text[])
              AS c (id, level, roadmap_year, abbreviation, place)
        WHERE a.id = c.id`,
      [
        changes.map((c) => c.id),
        changes.map((c) => c.level),
        changes.map((c) => c.roadmapYear),
        at,
        changes.map((c) => c.abbreviation),
        changes.map((c) => c.place),
      ],
    );
  }
}
