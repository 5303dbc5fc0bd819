import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { ROLE_LABELS } from '../../auth/permissions';
import { useAuth } from '../../auth/use-auth';

export interface KnownPerson {
  id: string;
  fullName: string;
}

/**
 * People of the user's agency (GET /users, searched on the server), one or many; `roles` keeps
 * those holding one of them (the chair: approvers).
 */
export function PeopleSelect({
  id,
  value,
  onChange,
  multiple = false,
  roles,
  known = [],
  placeholder = 'Gõ họ tên để tìm',
}: {
  id?: string;
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  multiple?: boolean;
  roles?: string[];
  known?: KnownPerson[];
  placeholder?: string;
}) {
  const { me } = useAuth();
  const [search, setSearch] = useState('');
  const users = useQuery({
    queryKey: ['management-reviews', 'users', me?.agencyId, search],
    queryFn: () =>
      call(
        api.GET('/api/v1/users', {
          params: {
            query: {
              agencyId: me?.agencyId ?? undefined,
              active: true,
              q: search || undefined,
              page: 1,
              pageSize: 50,
            },
          },
        }),
      ),
  });
  const options = new Map<string, string>();
  for (const u of known) options.set(u.id, u.fullName);
  for (const u of users.data?.items ?? []) {
    if (roles && !u.roles.some((r) => roles.includes(r))) continue;
    options.set(u.id, `${u.fullName} (${u.roles.map((r) => ROLE_LABELS[r]).join(', ')})`);
  }
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={onChange}
      showSearch
      filterOption={false}
      onSearch={setSearch}
      loading={users.isFetching}
      placeholder={placeholder}
      notFoundContent="Không tìm thấy người dùng"
      options={[...options].map(([value, label]) => ({ value, label, title: label }))}
    />
  );
}
