import { Card, Flex, Form, Input, Segmented, Select } from 'antd';
import { useAgencyOptions } from '../admin/use-agency-options';
import { TYPE_OPTIONS } from '../documents/labels';
import { QUERY_MAX_LENGTH, SCOPE_LABELS, SEARCH_TEXT, type SearchFilter, type SearchScope } from './labels';

type Values = Partial<Record<SearchFilter, string>>;
type SetFilter = (name: SearchFilter, value: string | undefined) => void;

/** Cơ quan: a searchable list of agencies, for who reads every agency's documents. */
function AgencyFilter({ value, setFilter }: { value?: string; setFilter: SetFilter }) {
  const agencies = useAgencyOptions(value);
  return (
    <Form.Item
      label={SEARCH_TEXT.agencyLabel}
      htmlFor="search-agency"
      style={{ minWidth: 280, marginBottom: 0 }}
    >
      <Select
        id="search-agency"
        allowClear
        placeholder={SEARCH_TEXT.allAgencies}
        value={value}
        onChange={(next?: string) => setFilter('agencyId', next)}
        {...agencies.selectProps}
      />
    </Form.Item>
  );
}

/** The box (Enter searches), what to search in, and the filters of that scope; values in the address. */
export function SearchFilters({
  values,
  scope,
  scopes,
  withAgency,
  recordTypes,
  setFilter,
  submit,
  setScope,
}: {
  values: Values;
  scope: SearchScope;
  /** The scopes the user may search in; the switch shows only when there are two. */
  scopes: SearchScope[];
  withAgency: boolean;
  recordTypes: { value: string; label: string }[];
  setFilter: SetFilter;
  submit: (q: string | undefined) => void;
  setScope: (scope: SearchScope) => void;
}) {
  return (
    <Card style={{ marginBottom: 16 }}>
      <Form layout="vertical">
        <Flex gap={16} wrap align="start">
          <Form.Item
            label={SEARCH_TEXT.queryLabel}
            htmlFor="search-q"
            extra={SEARCH_TEXT.hint}
            style={{ flex: '1 1 420px', maxWidth: 640, marginBottom: 0 }}
          >
            <Input.Search
              id="search-q"
              key={values.q ?? ''}
              defaultValue={values.q}
              allowClear
              maxLength={QUERY_MAX_LENGTH}
              enterButton={SEARCH_TEXT.submit}
              placeholder={SEARCH_TEXT.queryPlaceholder}
              onSearch={(value) => submit(value.trim() || undefined)}
            />
          </Form.Item>
          {scopes.length > 1 ? (
            <Form.Item
              label={<span id="search-scope-label">{SEARCH_TEXT.scopeLabel}</span>}
              style={{ marginBottom: 0 }}
            >
              <Segmented<SearchScope>
                aria-labelledby="search-scope-label"
                value={scope}
                onChange={setScope}
                options={scopes.map((value) => ({ value, label: SCOPE_LABELS[value] }))}
              />
            </Form.Item>
          ) : null}
          {scope === 'documents' ? (
            <Form.Item
              label={SEARCH_TEXT.typeLabel}
              htmlFor="search-type"
              style={{ minWidth: 240, marginBottom: 0 }}
            >
              <Select
                id="search-type"
                allowClear
                placeholder={SEARCH_TEXT.all}
                value={values.type}
                options={TYPE_OPTIONS}
                onChange={(next?: string) => setFilter('type', next)}
              />
            </Form.Item>
          ) : (
            <Form.Item
              label={SEARCH_TEXT.recordTypeLabel}
              htmlFor="search-record-type"
              style={{ minWidth: 280, marginBottom: 0 }}
            >
              <Select
                id="search-record-type"
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder={SEARCH_TEXT.all}
                value={values.recordTypeId}
                options={recordTypes}
                onChange={(next?: string) => setFilter('recordTypeId', next)}
              />
            </Form.Item>
          )}
          {scope === 'documents' && withAgency ? (
            <AgencyFilter value={values.agencyId} setFilter={setFilter} />
          ) : null}
        </Flex>
      </Form>
    </Card>
  );
}
