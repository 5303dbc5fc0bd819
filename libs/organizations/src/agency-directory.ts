import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db, TransactionRunner } from '@eiso/database';
import { AgencyLevel } from './agency-level';
import { AgencyEntity } from './agency.entity';
import { OrgUnitEntity } from './org-unit.entity';

/** What another domain shows of an agency. */
export interface AgencySummary {
  id: string;
  name: string;
  code: string | null;
  level: AgencyLevel;
  /** The agency directly above it; null at the top. */
  parent: { id: string; name: string } | null;
}

/** An org unit (phòng, ban) as another domain names it. */
export interface OrgUnitSummary {
  id: string;
  name: string;
  code: string | null;
  parentId: string | null;
  active: boolean;
}

/**
 * How every other domain reads agencies and their org units: the organizations domain's own
 * queries, read-only, one query per call whatever the number of ids. Each method takes the
 * caller's transaction handle when it has one; without it, the plain manager.
 */
@Injectable()
export class AgencyDirectory {
  constructor(private readonly tx: TransactionRunner) {}

  async exists(agencyId: string, db: Db = this.tx.db): Promise<boolean> {
    return db.getRepository(AgencyEntity).existsBy({ id: agencyId });
  }

  /** The agency's name; '' for an unknown id (a page heading then stays blank, as it always has). */
  async nameOf(agencyId: string, db: Db = this.tx.db): Promise<string> {
    const agency = await db
      .getRepository(AgencyEntity)
      .findOne({ select: { name: true }, where: { id: agencyId } });
    return agency?.name ?? '';
  }

  /** The names of many agencies, in one query: id → name (unknown ids are left out). */
  async namesOf(agencyIds: readonly string[], db: Db = this.tx.db): Promise<Map<string, string>> {
    const ids = [...new Set(agencyIds)];
    if (!ids.length) return new Map();
    const rows = await db
      .getRepository(AgencyEntity)
      .find({ select: { id: true, name: true }, where: { id: In(ids) } });
    return new Map(rows.map((a) => [a.id, a.name]));
  }

  /** Name, code, level and parent of an agency, in one query; null for an unknown id. */
  async summaryOf(agencyId: string, db: Db = this.tx.db): Promise<AgencySummary | null> {
    const row = await db
      .getRepository(AgencyEntity)
      .createQueryBuilder('a')
      .leftJoin(AgencyEntity, 'p', 'p.id = a.parent_id')
      .select(['a.id AS id', 'a.name AS name', 'a.code AS code', 'a.level AS level'])
      .addSelect(['p.id AS parent_id', 'p.name AS parent_name'])
      .where('a.id = :agencyId', { agencyId })
      .getRawOne<{
        id: string;
        name: string;
        code: string | null;
        level: AgencyLevel;
        parent_id: string | null;
        parent_name: string | null;
      }>();
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      code: row.code,
      level: row.level,
      parent: row.parent_id ? { id: row.parent_id, name: row.parent_name! } : null,
    };
  }

  /** The org units of an agency, by name. */
  async orgUnitsOf(agencyId: string, db: Db = this.tx.db): Promise<OrgUnitSummary[]> {
    const units = await db.getRepository(OrgUnitEntity).find({
      select: { id: true, name: true, code: true, parentId: true, active: true },
      where: { agencyId },
      order: { name: 'ASC', id: 'ASC' },
    });
    return units.map((u) => ({
      id: u.id,
      name: u.name,
      code: u.code,
      parentId: u.parentId,
      active: u.active,
    }));
  }

  /** Names of many org units in one query: id → name (unknown ids are left out). */
  async orgUnitNames(orgUnitIds: readonly string[], db: Db = this.tx.db): Promise<Map<string, string>> {
    const ids = [...new Set(orgUnitIds)];
    if (!ids.length) return new Map();
    const units = await db
      .getRepository(OrgUnitEntity)
      .find({ select: { id: true, name: true }, where: { id: In(ids) } });
    return new Map(units.map((u) => [u.id, u.name]));
  }

  /** Whether every one of these org units belongs to the agency. */
  async orgUnitsBelong(
    agencyId: string,
    orgUnitIds: readonly string[],
    db: Db = this.tx.db,
  ): Promise<boolean> {
    const ids = [...new Set(orgUnitIds)];
    if (!ids.length) return true;
    const found = await db.getRepository(OrgUnitEntity).countBy({ agencyId, id: In(ids) });
    return found === ids.length;
  }
}
