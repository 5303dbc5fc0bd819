import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { P, ROLE_LABELS } from '../../auth/permissions';
import { useAuth } from '../../auth/use-auth';

export interface KnownUser {
  id: string;
  fullName: string;
}

/**
 * Picks a person of the user's agency (GET /users, searched on the server). A user without
 * user.read (a head of unit) cannot list people: they choose among the people `known` here
 * (owners and verifier already on the action).
 */
export function UserSelect({
  id,
  value,
  onChange,
  known = [],
  placeholder = 'Gõ họ tên để tìm',
}: {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  known?: KnownUser[];
  placeholder?: string;
}) {
  const { me, can } = useAuth();
  const mayList = can(P.UserRead);
  const [search, setSearch] = useState('');
  const users = useQuery({
    queryKey: ['capa', 'users', me?.agencyId, search],
    queryFn: () =>
      call(
        api.GET('/api/v1/users', {
          params: {
            query: {
              agencyId: me?.agencyId ?? undefined,
              active: true,
              q: search || undefined,
              page: 1,
              pageSize: 20,
            },
          },
        }),
      ),
    enabled: mayList,
  });
  const options = new Map<string, string>();
  for (const u of known) options.set(u.id, u.fullName);
  for (const u of users.data?.items ?? []) {
    const roles = u.roles.map((r) => ROLE_LABELS[r]).join(', ');
    options.set(u.id, `${u.fullName} (${roles})`);
  }
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch
      filterOption={mayList ? false : undefined}
      optionFilterProp="label"
      onSearch={mayList ? setSearch : undefined}
      loading={users.isFetching}
      placeholder={placeholder}
      notFoundContent={mayList ? 'Không tìm thấy người dùng' : 'Bạn không có quyền xem danh sách người dùng'}
      options={[...options].map(([value, label]) => ({ value, label }))}
    />
  );
}
