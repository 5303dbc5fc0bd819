import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth/use-auth';

/** The org units (phòng, ban) of the user's agency, as choices; `value` is the unit id. */
export function useOrgUnits() {
  const { me } = useAuth();
  const agencyId = me?.agencyId;
  return useQuery({
    queryKey: ['capa', 'org-units', agencyId],
    queryFn: () =>
      call(
        api.GET('/api/v1/agencies/{agencyId}/org-units', {
          params: { path: { agencyId: agencyId ?? '' }, query: { page: 1, pageSize: 100 } },
        }),
      ),
    enabled: Boolean(agencyId),
    staleTime: 300_000,
  });
}

export function OrgUnitSelect({
  id,
  value,
  onChange,
  placeholder = 'Chọn phòng, ban',
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
}) {
  const units = useOrgUnits();
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
      options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}
