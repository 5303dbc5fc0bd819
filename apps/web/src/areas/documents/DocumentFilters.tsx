import { Form, Input, Select } from 'antd';
import { STATE_LABELS, STATE_ORDER, TYPE_OPTIONS, type VersionState } from './labels';

/** The search box and filters above a document list; values live in the address. */
export function DocumentFilters({
  values,
  setFilter,
  withState,
}: {
  values: { q?: string; type?: string; state?: string };
  setFilter: (name: 'q' | 'type' | 'state', value: string | undefined) => void;
  withState?: boolean;
}) {
  return (
    <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item label="Tìm theo mã hiệu hoặc tên" htmlFor="documents-q">
        <Input.Search
          id="documents-q"
          key={values.q ?? ''}
          defaultValue={values.q}
          allowClear
          enterButton="Tìm"
          placeholder="Ví dụ: quy trình tiếp nhận"
          onSearch={(value) => setFilter('q', value.trim() || undefined)}
          style={{ width: 360 }}
        />
      </Form.Item>
      <Form.Item label="Loại tài liệu" htmlFor="documents-type">
        <Select
          id="documents-type"
          allowClear
          placeholder="Tất cả"
          value={values.type}
          options={TYPE_OPTIONS}
          onChange={(value: string | undefined) => setFilter('type', value)}
          style={{ width: 260 }}
        />
      </Form.Item>
      {withState ? (
        <Form.Item label="Trạng thái" htmlFor="documents-state">
          <Select
            id="documents-state"
            allowClear
            placeholder="Tất cả"
            value={values.state}
            options={STATE_ORDER.map((value: VersionState) => ({ value, label: STATE_LABELS[value] }))}
            onChange={(value: string | undefined) => setFilter('state', value)}
            style={{ width: 200 }}
          />
        </Form.Item>
      ) : null}
    </Form>
  );
}
