import { Injectable } from '@nestjs/common';
import { Db, escapeLike } from '@eiso/database';
import { IsoClauseEntity } from './iso-clause.entity';
import { IsoClauseMappingEntity } from './iso-clause-mapping.entity';
import { IsoStandardEditionEntity } from './iso-standard-edition.entity';

export interface MappingRow extends IsoClauseMappingEntity {
  fromTitleVi: string;
  toTitleVi: string;
}

/** SQL over the reference tables of the standard (editions, clauses, mappings). */
@Injectable()
export class IsoClauseRepository {
  /** Every edition, the newest first. */
  editions(db: Db): Promise<IsoStandardEditionEntity[]> {
    return db.getRepository(IsoStandardEditionEntity).find({ order: { publishedYear: 'DESC', code: 'ASC' } });
  }

  findEdition(db: Db, code: string): Promise<IsoStandardEditionEntity | null> {
    return db.getRepository(IsoStandardEditionEntity).findOneBy({ code });
  }

  currentEdition(db: Db): Promise<IsoStandardEditionEntity | null> {
    return db.getRepository(IsoStandardEditionEntity).findOneBy({ isCurrent: true });
  }

  /**
   * The clauses of an edition in the standard's order. `q` keeps those whose number starts with it,
   * or whose Vietnamese or English title contains it ignoring accents and case.
   */
  clauses(db: Db, edition: string, q?: string): Promise<IsoClauseEntity[]> {
    const qb = db
      .getRepository(IsoClauseEntity)
      .createQueryBuilder('c')
      .where('c.edition = :edition', { edition })
      .orderBy('c.sort_key', 'ASC');
    const text = q?.trim();
    if (text) {
      qb.andWhere(
        `(c.number LIKE :prefix || '%' OR eiso_fold(c.title_vi) LIKE '%' || eiso_fold(:q) || '%'
          OR eiso_fold(c.title_en) LIKE '%' || eiso_fold(:q) || '%')`,
        { prefix: escapeLike(text), q: escapeLike(text) },
      );
    }
    return qb.getMany();
  }

  /**
   * Mapping rows, with both titles, in the order of the source clause then the target clause.
   * An edition left undefined is not filtered on.
   */
  async mappings(db: Db, from: string | undefined, to: string | undefined): Promise<MappingRow[]> {
    const rows: {
      from_edition: string;
      from_number: string;
      from_title_vi: string;
      to_edition: string;
      to_number: string;
      to_title_vi: string;
      note: string | null;
    }[] = await db.query(
      `SELECT m.from_edition, m.from_number, f.title_vi AS from_title_vi,
              m.to_edition, m.to_number, t.title_vi AS to_title_vi, m.note
         FROM iso_clause_mapping m
         JOIN iso_clause f ON f.edition = m.from_edition AND f.number = m.from_number
         JOIN iso_clause t ON t.edition = m.to_edition AND t.number = m.to_number
        WHERE ($1::text IS NULL OR m.from_edition = $1) AND ($2::text IS NULL OR m.to_edition = $2)
        ORDER BY m.from_edition, f.sort_key, m.to_edition, t.sort_key`,
      [from ?? null, to ?? null],
    );
    return rows.map((r) => ({
      fromEdition: r.from_edition,
      fromNumber: r.from_number,
      fromTitleVi: r.from_title_vi,
      toEdition: r.to_edition,
      toNumber: r.to_number,
      toTitleVi: r.to_title_vi,
      note: r.note,
    }));
  }

  /** The target numbers of `numbers` of `from` in `to`: from number → to numbers (sorted). */
  async mapped(db: Db, from: string, numbers: readonly string[], to: string): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (!numbers.length) return result;
    const rows: { from_number: string; to_number: string }[] = await db.query(
      `SELECT m.from_number, m.to_number
         FROM iso_clause_mapping m
         JOIN iso_clause t ON t.edition = m.to_edition AND t.number = m.to_number
        WHERE m.from_edition = $1 AND m.to_edition = $2 AND m.from_number = ANY($3::text[])
        ORDER BY m.from_number, t.sort_key`,
      [from, to, [...new Set(numbers)]],
    );
    for (const r of rows) result.set(r.from_number, [...(result.get(r.from_number) ?? []), r.to_number]);
    return result;
  }
}
