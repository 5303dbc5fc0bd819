import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client';

/**
 * Agencies for a searchable select: the first 50 matching what the user types (searched on the
 * server), plus the one already chosen so its name shows.
 */
export function useAgencyOptions(selectedId?: string | null) {
  const [search, setSearch] = useState('');
  const list = useQuery({
    queryKey: ['admin', 'agency-options', search],
    queryFn: () =>
      call(
        api.GET('/api/v1/agencies', {
          params: { query: { page: 1, pageSize: 50, ...(search ? { q: search } : {}) } },
        }),
      ),
  });
  const selected = useQuery({
    queryKey: ['admin', 'agency', selectedId],
    queryFn: () => call(api.GET('/api/v1/agencies/{id}', { params: { path: { id: selectedId! } } })),
    enabled: !!selectedId,
  });
  const items = list.data?.items ?? [];
  const options = items.map((a) => ({ value: a.id, label: a.name }));
  if (selected.data && !items.some((a) => a.id === selected.data.id)) {
    options.unshift({ value: selected.data.id, label: selected.data.name });
  }
  return {
    options,
    loading: list.isFetching,
    selectProps: {
      showSearch: true,
      filterOption: false,
      onSearch: setSearch,
      options,
      loading: list.isFetching,
      notFoundContent: 'Không tìm thấy cơ quan',
    },
  };
}
