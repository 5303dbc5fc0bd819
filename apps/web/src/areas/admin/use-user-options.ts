import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client';

/** Users for a searchable select (searched on the server by name or username). */
export function useUserOptions(selectedId?: string) {
  const [search, setSearch] = useState('');
  const list = useQuery({
    queryKey: ['admin', 'user-options', search],
    queryFn: () =>
      call(
        api.GET('/api/v1/users', {
          params: { query: { page: 1, pageSize: 30, ...(search ? { q: search } : {}) } },
        }),
      ),
  });
  const selected = useQuery({
    queryKey: ['admin', 'users', 'one', selectedId],
    queryFn: () => call(api.GET('/api/v1/users/{id}', { params: { path: { id: selectedId! } } })),
    enabled: !!selectedId,
  });
  const items = list.data?.items ?? [];
  const options = items.map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }));
  if (selected.data && !items.some((u) => u.id === selected.data.id)) {
    options.unshift({
      value: selected.data.id,
      label: `${selected.data.fullName} (${selected.data.username})`,
    });
  }
  return {
    showSearch: true,
    filterOption: false,
    onSearch: setSearch,
    options,
    loading: list.isFetching,
    notFoundContent: 'Không tìm thấy người dùng',
  };
}
