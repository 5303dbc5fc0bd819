import { Injectable } from '@nestjs/common';
import { DomainException, ErrorCode } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { IsoClauseEntity } from './iso-clause.entity';
import { IsoClauseRepository } from './iso-clause.repository';
import { IsoClauseMappingView, IsoClauseView, IsoEditionView } from './iso-clause.views';
import { IsoStandardEditionEntity } from './iso-standard-edition.entity';

/**
 * The clauses of ISO 9001 as reference data, the same for every agency: editions, their clauses
 * and the mapping between editions. A new edition is rows, not code.
 */
@Injectable()
export class IsoClausesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: IsoClauseRepository,
  ) {}

  async editions(): Promise<IsoEditionView[]> {
    return (await this.repository.editions(this.tx.db)).map(toEditionView);
  }

  /** The clauses of `edition` (default: the current one), in the standard's order. */
  async clauses(query: { edition?: string; q?: string }): Promise<IsoClauseView[]> {
    const edition = await this.editionOrCurrent(query.edition);
    return (await this.repository.clauses(this.tx.db, edition.code, query.q)).map(toClauseView);
  }

  /** Mapping rows from one edition to another (either may be left out: every edition). */
  async mappings(query: { from?: string; to?: string }): Promise<IsoClauseMappingView[]> {
    for (const code of [query.from, query.to]) if (code !== undefined) await this.editionOrCurrent(code);
    return this.repository.mappings(this.tx.db, query.from, query.to);
  }

  private async editionOrCurrent(code: string | undefined): Promise<IsoStandardEditionEntity> {
    const edition =
      code === undefined
        ? await this.repository.currentEdition(this.tx.db)
        : await this.repository.findEdition(this.tx.db, code);
    if (!edition) throw new DomainException(ErrorCode.IsoEditionNotFound, { edition: code ?? null });
    return edition;
  }
}

export function toEditionView(e: IsoStandardEditionEntity): IsoEditionView {
  return { code: e.code, title: e.title, publishedYear: e.publishedYear, isCurrent: e.isCurrent };
}

export function toClauseView(c: IsoClauseEntity): IsoClauseView {
  return {
    edition: c.edition,
    number: c.number,
    parentNumber: c.parentNumber,
    titleVi: c.titleVi,
    titleEn: c.titleEn,
    level: c.number.split('.').length,
  };
}
