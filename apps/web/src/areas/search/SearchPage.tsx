import { Empty, Flex, Pagination, Spin, Typography, type PaginationProps } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { P } from '../../auth/permissions';
import { useAuth } from '../../auth/use-auth';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { usePagedQuery, type Page } from '../../ui/use-paged-query';
import { DocumentsTheme } from '../documents/DocumentsTheme';
import type { DocumentType } from '../documents/labels';
import { useRecordTypeOptions } from '../records/use-record-types';
import {
  SCOPED_FILTERS,
  SEARCH_FILTERS,
  SEARCH_TEXT,
  readsEveryAgency,
  type SearchHit,
  type SearchScope,
} from './labels';
import { SearchFilters } from './SearchFilters';
import { SearchHitItem } from './SearchHitItem';

type Option = { value: string; label: string };

/** The agency's Danh mục hồ sơ, asked only while records are searched. */
function WithRecordTypes({ children }: { children: (types: Option[]) => ReactNode }) {
  const types = useRecordTypeOptions();
  return <>{children(types.data ?? [])}</>;
}

/**
 * Tìm kiếm: what the files of documents (and, for the agency's people, of records) hold, typed
 * with or without accents; the query, scope, filters and page live in the address. Each hit opens
 * the version or record it was found in, its matching words marked.
 */
export default function SearchPage() {
  const { me, can } = useAuth();
  const [params, setParams] = useSearchParams();
  const scopes: SearchScope[] = can(P.RecordRead) && me?.agencyId ? ['documents', 'records'] : ['documents'];
  const scope: SearchScope =
    params.get('scope') === 'records' && scopes.includes('records') ? 'records' : 'documents';
  const { query, filters, setFilter, pagination } = usePagedQuery(['search', scope], SEARCH_FILTERS, (q) =>
    q.q
      ? call(
          api.GET('/api/v1/search', {
            params: {
              query: {
                q: q.q,
                scope,
                page: q.page,
                pageSize: q.pageSize,
                ...(scope === 'documents'
                  ? { type: q.type as DocumentType | undefined, agencyId: q.agencyId }
                  : { recordTypeId: q.recordTypeId }),
              },
            },
          }),
        )
      : Promise.resolve<Page<SearchHit>>({ items: [], total: 0, page: q.page, pageSize: q.pageSize }),
  );
  // A new query is a new entry in the history (Back shows the previous results); filters replace theirs.
  const submit = (q: string | undefined) => {
    const nextParams = new URLSearchParams(params);
    nextParams.delete('page');
    if (q) nextParams.set('q', q);
    else nextParams.delete('q');
    setParams(nextParams);
  };
  const setScope = (next: SearchScope) => {
    const nextParams = new URLSearchParams(params);
    for (const name of [...SCOPED_FILTERS, 'page']) nextParams.delete(name);
    if (next === 'documents') nextParams.delete('scope');
    else nextParams.set('scope', next);
    setParams(nextParams, { replace: true });
  };

  const body = (recordTypes: Option[]) => (
    <>
      <SearchFilters
        values={filters}
        scope={scope}
        scopes={scopes}
        withAgency={readsEveryAgency(me)}
        recordTypes={recordTypes}
        setFilter={setFilter}
        submit={submit}
        setScope={setScope}
      />
      {filters.q ? (
        <QueryState query={query}>
          {(page) => (
            <Results
              page={page}
              fetching={query.isFetching}
              pagination={pagination}
              recordTypes={recordTypes}
            />
          )}
        </QueryState>
      ) : (
        <Typography.Paragraph type="secondary">{SEARCH_TEXT.prompt}</Typography.Paragraph>
      )}
    </>
  );
  return (
    <DocumentsTheme>
      <PageHeader title={SEARCH_TEXT.title} subtitle={SEARCH_TEXT.subtitle} />
      {scope === 'records' ? <WithRecordTypes>{body}</WithRecordTypes> : body([])}
    </DocumentsTheme>
  );
}

function Results({
  page,
  fetching,
  pagination,
  recordTypes,
}: {
  page: Page<SearchHit>;
  fetching: boolean;
  pagination: PaginationProps;
  recordTypes: Option[];
}) {
  const typeName = (id: string | null) => recordTypes.find((t) => t.value === id)?.label;
  return (
    <Spin spinning={fetching}>
      <Flex vertical gap={12} aria-busy={fetching} data-testid="search-results">
        <div role="status" style={{ fontWeight: 600 }}>
          {page.total ? SEARCH_TEXT.found(page.total) : null}
        </div>
        {page.items.length ? (
          <ol aria-label={SEARCH_TEXT.results} style={{ margin: 0, padding: 0, display: 'grid', gap: 12 }}>
            {page.items.map((hit) => (
              <SearchHitItem
                key={`${hit.scope}:${hit.id}:${hit.versionId ?? ''}:${hit.file.id}`}
                hit={hit}
                recordTypeName={typeName(hit.recordTypeId)}
              />
            ))}
          </ol>
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <>
                <Typography.Text strong>{SEARCH_TEXT.empty}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{SEARCH_TEXT.emptyHint}</Typography.Text>
              </>
            }
          />
        )}
        {page.total > page.pageSize ? <Pagination {...pagination} showTotal={undefined} align="end" /> : null}
      </Flex>
    </Spin>
  );
}
