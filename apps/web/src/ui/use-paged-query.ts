import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import type { TablePaginationConfig } from 'antd';
import { useSearchParams } from 'react-router';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * A list paged and filtered on the server, its page, size and filters kept in the address (a
 * link or a reload shows the same rows). `filters` names the query parameters the screen reads.
 */
export function usePagedQuery<T, F extends string>(
  key: QueryKey,
  filters: readonly F[],
  fetchPage: (query: { page: number; pageSize: number } & Partial<Record<F, string>>) => Promise<Page<T>>,
  defaultPageSize = 20,
) {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? String(defaultPageSize)) || defaultPageSize;
  const values = Object.fromEntries(
    filters.flatMap((name) => {
      const value = params.get(name);
      return value === null || value === '' ? [] : [[name, value]];
    }),
  ) as Partial<Record<F, string>>;
  const query = useQuery({
    queryKey: [...key, { page, pageSize, ...values }],
    queryFn: () => fetchPage({ page, pageSize, ...values }),
    placeholderData: keepPreviousData,
  });
  const setFilter = (name: F, value: string | undefined | null) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === null || value === '') next.delete(name);
    else next.set(name, value);
    next.delete('page');
    setParams(next, { replace: true });
  };
  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total: query.data?.total ?? 0,
    showSizeChanger: true,
    showTotal: (total) => `Tổng số: ${total.toLocaleString('vi-VN')}`,
    onChange: (nextPage, nextSize) => {
      const next = new URLSearchParams(params);
      next.set('page', String(nextSize !== pageSize ? 1 : nextPage));
      next.set('pageSize', String(nextSize));
      setParams(next);
    },
  };
  return { query, filters: values, setFilter, pagination };
}
