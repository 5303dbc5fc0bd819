import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';

/** The agency's Danh mục hồ sơ for pickers (first 100 entries, by code). */
export function useRecordTypeOptions() {
  return useQuery({
    queryKey: ['records', 'record-types', 'options'],
    queryFn: () => call(api.GET('/api/v1/record-types', { params: { query: { page: 1, pageSize: 100 } } })),
    select: (page) => page.items.map((t) => ({ value: t.id, label: `${t.code} – ${t.name}` })),
    staleTime: 60_000,
  });
}
