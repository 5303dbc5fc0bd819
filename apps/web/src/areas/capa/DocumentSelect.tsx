import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';

/** A document of the agency (searched on the server by code or title) that an action revises. */
export function DocumentSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
}) {
  const [search, setSearch] = useState('');
  const documents = useQuery({
    queryKey: ['capa', 'documents', search],
    queryFn: () =>
      call(
        api.GET('/api/v1/documents', {
          params: { query: { q: search || undefined, page: 1, pageSize: 20, sort: 'code:asc' } },
        }),
      ),
  });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      showSearch
      filterOption={false}
      onSearch={setSearch}
      loading={documents.isFetching}
      placeholder="Gõ mã hiệu hoặc tên tài liệu"
      notFoundContent="Không tìm thấy tài liệu"
      options={(documents.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.code} — ${d.title}` }))}
    />
  );
}
