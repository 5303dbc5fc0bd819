import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo } from 'react';
import { api, call } from '../api/client';
import { useAuth } from '../auth/use-auth';

/**
 * The org units (phòng, ban) of the user's agency, inactive ones too (their names still label old
 * rows); pickers offer the active ones. One cache entry for every screen.
 */
export function useOrgUnits() {
  const { me } = useAuth();
  const agencyId = me?.agencyId ?? null;
  return useQuery({
    queryKey: ['org-units', agencyId],
    enabled: agencyId !== null,
    staleTime: 300_000,
    queryFn: () =>
      call(
        api.GET('/api/v1/agencies/{agencyId}/org-units', {
          params: { path: { agencyId: agencyId ?? '' }, query: { page: 1, pageSize: 100 } },
        }),
      ),
    select: (page) => page.items,
  });
}

/** Choices of units for a picker: the active ones unless `activeOnly` is false. */
export function orgUnitOptions(
  units: readonly { id: string; name: string; active: boolean }[] | undefined,
  activeOnly = true,
): { value: string; label: string }[] {
  return (units ?? []).filter((u) => !activeOnly || u.active).map((u) => ({ value: u.id, label: u.name }));
}

/**
 * The choices of the agency's units, the same array from render to render while the data stays
 * (an open list keeps its state while the form around it re-renders).
 */
export function useOrgUnitOptions(activeOnly = true) {
  const units = useOrgUnits();
  const options = useMemo(() => orgUnitOptions(units.data, activeOnly), [units.data, activeOnly]);
  return { options, isPending: units.isPending };
}

/** A searchable choice of the agency's org units; `value` is the unit id. */
export function OrgUnitSelect({
  id,
  value,
  onChange,
  placeholder = 'Chọn phòng, ban',
  activeOnly = false,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  /** Only units in use (a new owner); a filter keeps inactive ones to find old rows. */
  activeOnly?: boolean;
}) {
  const units = useOrgUnitOptions(activeOnly);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      showSearch
      optionFilterProp="label"
      loading={units.isPending}
      placeholder={placeholder}
      options={units.options}
    />
  );
}
