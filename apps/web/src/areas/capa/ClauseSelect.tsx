import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api, call } from '../../api/client';

/** A clause of the current edition of TCVN ISO 9001 (number and Vietnamese title). */
export function ClauseSelect({
  id,
  value,
  onChange,
  placeholder = 'Chọn điều khoản',
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
}) {
  const clauses = useQuery({
    queryKey: ['capa', 'iso-clauses'],
    queryFn: () => call(api.GET('/api/v1/iso-clauses', { params: { query: {} } })),
    staleTime: 3_600_000,
  });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      showSearch
      optionFilterProp="label"
      loading={clauses.isPending}
      placeholder={placeholder}
      options={(clauses.data ?? []).map((c) => ({ value: c.number, label: `${c.number} ${c.titleVi}` }))}
    />
  );
}
