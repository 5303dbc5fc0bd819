import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';

import { api, call } from '../../api/client';
import { Can } from '../../auth/Can';
import { P } from '../../auth/permissions';
import { DATE_FORMAT, formatDate, fromApiDate, toApiDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { usePagedQuery } from '../../ui/use-paged-query';
import { RECORD_STATE_LABELS } from './labels';
import { RecordCreateModal } from './RecordCreateModal';
import { RecordStateTag } from './RecordStateTag';
import type { RecordItem, RecordState } from './types';
import { useRecordTypeOptions } from './use-record-types';
import { EmptyText } from './EmptyText';
import { AppLink } from '../../ui/AppLink';

const FILTERS = ['state', 'recordTypeId', 'q', 'recordDateFrom', 'recordDateTo', 'onHold'] as const;

/** Hồ sơ: the agency's records, filtered and paged on the server; "Lập hồ sơ" for record.write. */
export default function RecordsPage() {
  const [creating, setCreating] = useState(false);
  const types = useRecordTypeOptions();
  const { query, filters, setFilter, pagination } = usePagedQuery(['records', 'list'], FILTERS, (q) =>
    call(
      api.GET('/api/v1/records', {
        params: {
          query: {
            page: q.page,
            pageSize: q.pageSize,
            state: q.state as RecordState | undefined,
            recordTypeId: q.recordTypeId,
            q: q.q,
            recordDateFrom: q.recordDateFrom,
            recordDateTo: q.recordDateTo,
            onHold: q.onHold === undefined ? undefined : q.onHold === 'true',
            sort: 'recordDate:desc',
          },
        },
      }),
    ),
  );
  return (
    <>
      <PageHeader
        title="Hồ sơ"
        subtitle="Hồ sơ lập theo Danh mục hồ sơ của cơ quan"
        extra={
          <Can permission={P.RecordWrite}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Lập hồ sơ
            </Button>
          </Can>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <Flex gap={12} wrap>
            <Form.Item
              label="Tìm theo tên, số ký hiệu"
              htmlFor="records-q"
              style={{ minWidth: 240, marginBottom: 0 }}
            >
              <Input.Search
                id="records-q"
                allowClear
                defaultValue={filters.q}
                onSearch={(value) => setFilter('q', value.trim())}
                enterButton="Tìm"
              />
            </Form.Item>
            <Form.Item label="Trạng thái" htmlFor="records-state" style={{ minWidth: 180, marginBottom: 0 }}>
              <Select
                id="records-state"
                allowClear
                placeholder="Tất cả"
                value={filters.state}
                onChange={(value?: string) => setFilter('state', value)}
                options={Object.entries(RECORD_STATE_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item label="Loại hồ sơ" htmlFor="records-type" style={{ minWidth: 240, marginBottom: 0 }}>
              <Select
                id="records-type"
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder="Tất cả"
                value={filters.recordTypeId}
                onChange={(value?: string) => setFilter('recordTypeId', value)}
                options={types.data ?? []}
              />
            </Form.Item>
            <Form.Item label="Phong tỏa" htmlFor="records-hold" style={{ minWidth: 160, marginBottom: 0 }}>
              <Select
                id="records-hold"
                allowClear
                placeholder="Tất cả"
                value={filters.onHold}
                onChange={(value?: string) => setFilter('onHold', value)}
                options={[
                  { value: 'true', label: 'Đang phong tỏa' },
                  { value: 'false', label: 'Không phong tỏa' },
                ]}
              />
            </Form.Item>
            <Form.Item label="Ngày hồ sơ từ" htmlFor="records-from" style={{ marginBottom: 0 }}>
              <DatePicker
                id="records-from"
                format={DATE_FORMAT}
                value={fromApiDate(filters.recordDateFrom) ?? null}
                onChange={(value) => setFilter('recordDateFrom', toApiDate(value))}
              />
            </Form.Item>
            <Form.Item label="Ngày hồ sơ đến" htmlFor="records-to" style={{ marginBottom: 0 }}>
              <DatePicker
                id="records-to"
                format={DATE_FORMAT}
                value={fromApiDate(filters.recordDateTo) ?? null}
                onChange={(value) => setFilter('recordDateTo', toApiDate(value))}
              />
            </Form.Item>
          </Flex>
        </Form>
      </Card>
      <QueryState query={query}>
        {(page) => (
          <Table<RecordItem>
            rowKey="id"
            dataSource={page.items}
            loading={query.isFetching}
            pagination={pagination}
            caption={<Typography.Text strong>Danh sách hồ sơ</Typography.Text>}
            locale={{ emptyText: <EmptyText>Không có hồ sơ nào khớp bộ lọc.</EmptyText> }}
            columns={[
              {
                title: 'Tên hồ sơ',
                dataIndex: 'title',
                render: (title: string, record) => <AppLink to={`/records/${record.id}`}>{title}</AppLink>,
              },
              { title: 'Số, ký hiệu', dataIndex: 'reference', render: (v: string | null) => v ?? '' },
              {
                title: 'Loại hồ sơ',
                key: 'type',
                render: (_, record) => `${record.recordType.code} – ${record.recordType.name}`,
              },
              { title: 'Ngày hồ sơ', dataIndex: 'recordDate', render: (v: string) => formatDate(v) },
              {
                title: 'Lưu trữ đến',
                key: 'retentionEnd',
                render: (_, record) => (record.permanent ? 'Vĩnh viễn' : formatDate(record.retentionEnd)),
              },
              {
                title: 'Trạng thái',
                key: 'state',
                render: (_, record) => <RecordStateTag record={record} />,
              },
            ]}
          />
        )}
      </QueryState>
      <RecordCreateModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
