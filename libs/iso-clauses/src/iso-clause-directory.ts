import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { DomainException, ErrorCode } from '@eiso/common';
import { Db, TransactionRunner } from '@eiso/database';
import { IsoClauseEntity } from './iso-clause.entity';
import { IsoClauseRepository } from './iso-clause.repository';
import { IsoStandardEditionEntity } from './iso-standard-edition.entity';

/** A clause as other domains print it. */
export interface ClauseLabel {
  number: string;
  titleVi: string;
  titleEn: string;
}

/**
 * How other domains read the clauses (audits, findings, nonconformities): read-only, one query
 * per call whatever the number of clauses.
 */
@Injectable()
export class IsoClauseDirectory {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: IsoClauseRepository,
  ) {}

  /** The code of the current edition ("TCVN ISO 9001:2015"). */
  async currentEdition(db: Db = this.tx.db): Promise<string> {
    const edition = await db.getRepository(IsoStandardEditionEntity).findOneBy({ isCurrent: true });
    // No edition marked current (a seed left out): a 404 naming the catalogue, not a 500.
    if (!edition) throw new DomainException(ErrorCode.IsoEditionNotFound, { current: true });
    return edition.code;
  }

  async editionExists(code: string, db: Db = this.tx.db): Promise<boolean> {
    return db.getRepository(IsoStandardEditionEntity).existsBy({ code });
  }

  /** The numbers among `numbers` that are not clauses of `edition`, in the order given. */
  async unknownClauses(edition: string, numbers: readonly string[], db: Db = this.tx.db): Promise<string[]> {
    const wanted = [...new Set(numbers)];
    if (!wanted.length) return [];
    const known = await this.labelsOf(edition, wanted, db);
    return wanted.filter((n) => !known.has(n));
  }

  /** Titles of clauses of an edition: number → label (unknown numbers are left out). */
  async labelsOf(
    edition: string,
    numbers: readonly string[],
    db: Db = this.tx.db,
  ): Promise<Map<string, ClauseLabel>> {
    const wanted = [...new Set(numbers)];
    if (!wanted.length) return new Map();
    const rows = await db.getRepository(IsoClauseEntity).find({
      select: { number: true, titleVi: true, titleEn: true },
      where: { edition, number: In(wanted) },
    });
    return new Map(rows.map((c) => [c.number, { number: c.number, titleVi: c.titleVi, titleEn: c.titleEn }]));
  }

  /**
   * Where clauses of `fromEdition` went in `toEdition`, from the mapping rows: number → the target
   * numbers in the standard's order (one to many). Numbers with no mapping row are left out.
   */
  mappedClauses(
    fromEdition: string,
    numbers: readonly string[],
    toEdition: string,
    db: Db = this.tx.db,
  ): Promise<Map<string, string[]>> {
    return this.repository.mapped(db, fromEdition, numbers, toEdition);
  }

  /** Sorts clause numbers as the standard does (9.2 before 10, 7.1.2 before 7.1.10), each once. */
  sortNumbers(numbers: readonly string[]): string[] {
    return [...new Set(numbers)].sort(compareClauseNumbers);
  }
}

/**
 * Orders clause numbers as the standard does: part by part as numbers (9.2 before 10, 7.1.2
 * before 7.1.10, 7.1 before 7.1.1); text that is not a number last by its characters.
 */
export function compareClauseNumbers(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
