import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth/use-auth';

/** The org units (phòng, ban) of the user's agency. */
export function useRiskOrgUnits() {
  const { me } = useAuth();
  const agencyId = me?.agencyId;
  return useQuery({
    queryKey: ['risks', 'org-units', agencyId],
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

export function RiskOrgUnitSelect({
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
  activeOnly?: boolean;
}) {
  const units = useRiskOrgUnits();
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
      options={(units.data?.items ?? [])
        .filter((u) => !activeOnly || u.active)
        .map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}
