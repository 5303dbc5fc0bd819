import { Injectable } from '@nestjs/common';
import { bumpVersion, Db, findOneForUpdate } from '@eiso/database';
import { DECLARED_STATES, DeclarationState } from './declaration-state';
import { ConformityDeclarationEntity } from './declaration.entity';

export interface DeclarationListFilter {
  /** One agency's; every agency's when absent (the overseer). */
  agencyId?: string;
  /** Only these states (the overseer: never drafts). */
  states?: readonly DeclarationState[];
}

/** SQL of the conformity_declaration table. */
@Injectable()
export class DeclarationRepository {
  async insert(db: Db, declaration: ConformityDeclarationEntity): Promise<void> {
    await db.getRepository(ConformityDeclarationEntity).insert(declaration);
  }

  findById(db: Db, id: string): Promise<ConformityDeclarationEntity | null> {
    return db.getRepository(ConformityDeclarationEntity).findOneBy({ id });
  }

  findByIdForUpdate(db: Db, id: string): Promise<ConformityDeclarationEntity | null> {
    return findOneForUpdate(db, ConformityDeclarationEntity, { id }, 'for_no_key_update');
  }

  async save(db: Db, declaration: ConformityDeclarationEntity, now: Date): Promise<void> {
    bumpVersion(declaration, now);
    await db.getRepository(ConformityDeclarationEntity).save(declaration);
  }

  async remove(db: Db, id: string): Promise<void> {
    await db.getRepository(ConformityDeclarationEntity).delete({ id, state: DeclarationState.Draft });
  }

  /** The agency's open draft, if any. */
  draftOf(db: Db, agencyId: string): Promise<ConformityDeclarationEntity | null> {
    return db
      .getRepository(ConformityDeclarationEntity)
      .findOneBy({ agencyId, state: DeclarationState.Draft });
  }

  /** The agency's declaration in force: the latest signed one not replaced by another. */
  currentOf(db: Db, agencyId: string): Promise<ConformityDeclarationEntity | null> {
    return db
      .getRepository(ConformityDeclarationEntity)
      .createQueryBuilder('d')
      .where('d.agency_id = :agencyId', { agencyId })
      .andWhere('d.state IN (:...states)', { states: DECLARED_STATES })
      .andWhere('d.superseded_by_id IS NULL')
      .orderBy('d.signed_at', 'DESC')
      .getOne();
  }

  /** The next serial of the agency's year, serialized per (agency, year) until the transaction ends. */
  async nextSerial(db: Db, agencyId: string, year: number): Promise<number> {
    await db.query(
      `SELECT pg_advisory_xact_lock(hashtext('conformity-declaration-number:' || $1 || ':' || $2))`,
      [agencyId, String(year)],
    );
    const rows: { n: number }[] = await db.query(
      'SELECT coalesce(max(serial), 0)::int + 1 AS n FROM conformity_declaration WHERE agency_id = $1 AND year = $2',
      [agencyId, year],
    );
    return rows[0].n;
  }

  /** A page, drafts first then the newest signed. */
  findPage(
    db: Db,
    filter: DeclarationListFilter,
    offset: number,
    limit: number,
  ): Promise<[ConformityDeclarationEntity[], number]> {
    const qb = db.getRepository(ConformityDeclarationEntity).createQueryBuilder('d');
    if (filter.agencyId) qb.andWhere('d.agency_id = :agencyId', { agencyId: filter.agencyId });
    if (filter.states) qb.andWhere('d.state IN (:...states)', { states: filter.states });
    return qb
      .orderBy('d.signed_at', 'DESC', 'NULLS FIRST')
      .addOrderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'ASC')
      .offset(offset)
      .limit(limit)
      .getManyAndCount();
  }

  /** Numbers for the audit trail: "Quyết định công bố số 03/2026" or "dự thảo". */
  namesOf(db: Db, ids: readonly string[]): Promise<{ id: string; number: string | null; kind: string }[]> {
    return db.query('SELECT id, number, kind FROM conformity_declaration WHERE id = ANY($1::uuid[])', [ids]);
  }
}
