import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api, call } from '../../api/client';
import { P } from '../../auth/permissions';
import { useAuth } from '../../auth/use-auth';

/** The roles whose holders manage risks (risk.manage): who may be named owner. */
const MANAGER_ROLES = new Set(['reviewer', 'approver', 'iso_secretary']);

export interface KnownOwner {
  id: string;
  fullName: string;
}

/**
 * Picks the owner of a risk among the active members of the owner unit who manage risks. A user
 * without user.read (a head of unit) cannot list people: only the owner already named is offered,
 * and leaving it empty gives the risk to the unit's heads.
 */
export function RiskOwnerSelect({
  id,
  orgUnitId,
  value,
  onChange,
  known,
}: {
  id?: string;
  orgUnitId?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  known?: KnownOwner | null;
}) {
  const { me, can } = useAuth();
  const mayList = can(P.UserRead);
  const users = useQuery({
    queryKey: ['risks', 'owners', me?.agencyId],
    queryFn: () =>
      call(
        api.GET('/api/v1/users', {
          params: { query: { agencyId: me?.agencyId ?? undefined, active: true, page: 1, pageSize: 100 } },
        }),
      ),
    enabled: mayList,
    staleTime: 60_000,
  });
  const options = new Map<string, string>();
  if (known) options.set(known.id, known.fullName);
  for (const u of users.data?.items ?? []) {
    if (u.orgUnitId === orgUnitId && u.roles.some((r) => MANAGER_ROLES.has(r))) options.set(u.id, u.fullName);
  }
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      allowClear
      showSearch
      optionFilterProp="label"
      loading={users.isFetching}
      placeholder="Lãnh đạo đơn vị chủ trì phụ trách"
      notFoundContent={
        mayList ? 'Đơn vị chưa có người quản lý rủi ro' : 'Bạn không có quyền xem danh sách người dùng'
      }
      options={[...options].map(([v, label]) => ({ value: v, label }))}
    />
  );
}
