import { Injectable } from '@nestjs/common';
import {
  Actor,
  DomainException,
  ErrorCode,
  offsetOf,
  Page,
  PageRequest,
  Permission,
  hasPermission,
} from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { documentScope } from '@eiso/documents';
import { AgencyDirectory } from '@eiso/organizations';
import { documentHits, recordHits } from './search.queries';
import { parseSearchQuery } from './search-query';
import { SearchFilter, SearchHitView } from './search.views';

/**
 * Search in what files hold (DESIGN §13 "Content"), under the rules of the lists: a document's
 * drafting circle finds every live version of its agency's documents, every other reader only
 * versions in force (the overseer those of every agency); records stay within their agency and
 * need `record.read`. Nothing crosses agencies a list would not cross.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly agencies: AgencyDirectory,
  ) {}

  search(actor: Actor, filter: SearchFilter, page: PageRequest): Promise<Page<SearchHitView>> {
    return filter.scope === 'records'
      ? this.records(actor, filter, page)
      : this.documents(actor, filter, page);
  }

  private async documents(
    actor: Actor,
    filter: SearchFilter,
    page: PageRequest,
  ): Promise<Page<SearchHitView>> {
    const terms = this.termsOf(filter.q);
    const scope = documentScope(actor);
    if (!scope) return { items: [], total: 0, page: page.page, pageSize: page.pageSize };
    const { rows, total } = await documentHits(this.tx.db, terms, {
      agencyId: scope.agencyId ?? filter.agencyId ?? null,
      issuedOnly: scope.states !== null,
      type: filter.type ?? null,
      limit: page.pageSize,
      offset: offsetOf(page),
    });
    const names = await this.agencies.namesOf([...new Set(rows.map((r) => r.agencyId))]);
    return {
      items: rows.map((r) => ({ ...r, agencyName: names.get(r.agencyId) ?? '' })),
      total,
      page: page.page,
      pageSize: page.pageSize,
    };
  }

  private async records(actor: Actor, filter: SearchFilter, page: PageRequest): Promise<Page<SearchHitView>> {
    const terms = this.termsOf(filter.q);
    if (!actor.agencyId || !hasPermission(actor.roles, Permission.RecordRead))
      return { items: [], total: 0, page: page.page, pageSize: page.pageSize };
    const { rows, total } = await recordHits(this.tx.db, terms, {
      agencyId: actor.agencyId,
      recordTypeId: filter.recordTypeId ?? null,
      limit: page.pageSize,
      offset: offsetOf(page),
    });
    const names = await this.agencies.namesOf([actor.agencyId]);
    return {
      items: rows.map((r) => ({ ...r, agencyName: names.get(r.agencyId) ?? '' })),
      total,
      page: page.page,
      pageSize: page.pageSize,
    };
  }

  private termsOf(q: string) {
    const terms = parseSearchQuery(q);
    if (!terms.length) throw new DomainException(ErrorCode.SearchQueryEmpty);
    return terms;
  }
}
