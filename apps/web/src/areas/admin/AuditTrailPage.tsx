import { Alert, DatePicker, Form, Input, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, call } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import type { components } from '../../api/schema';
import { Can } from '../../auth/Can';
import { P } from '../../auth/permissions';
import { DATE_FORMAT, formatDateTime } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedQuery } from '../../ui/use-paged-query';
import { AUDIT_ACTION_LABELS, type AuditAction } from './audit-action-labels';
import { ChainVerification } from './ChainVerification';
import { useUserOptions } from './use-user-options';

type AuditEvent = components['schemas']['AuditEventResponse'];
const FILTERS = ['action', 'actorId', 'entityType', 'entityId', 'from', 'to'] as const;

function Changes({ event }: { event: AuditEvent }) {
  if (event.redacted) return <Typography.Text type="secondary">Nội dung thay đổi bị che.</Typography.Text>;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
      {(['before', 'after'] as const).map((side) => (
        <div key={side}>
          <Typography.Text strong>{side === 'before' ? 'Trước' : 'Sau'}</Typography.Text>
          <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, margin: 0 }}>
            {event[side] ? JSON.stringify(event[side], null, 2) : '—'}
          </pre>
        </div>
      ))}
    </div>
  );
}

/** The audit trail of the reader's scope, filtered on the server, with the chain check. */
export default function AuditTrailPage() {
  const { query, filters, setFilter, pagination } = usePagedQuery(['admin', 'audit-events'], FILTERS, (q) =>
    call(
      api.GET('/api/v1/audit-events', {
        params: {
          query: {
            page: q.page,
            pageSize: q.pageSize,
            ...(q.action ? { action: q.action as AuditAction } : {}),
            ...(q.actorId ? { actorId: q.actorId } : {}),
            ...(q.entityType ? { entityType: q.entityType } : {}),
            ...(q.entityId ? { entityId: q.entityId } : {}),
            ...(q.from ? { from: dayjs(q.from).startOf('day').toISOString() } : {}),
            ...(q.to ? { to: dayjs(q.to).add(1, 'day').startOf('day').toISOString() } : {}),
          },
        },
      }),
    ),
  );
  const actors = useUserOptions(filters.actorId);

  return (
    <>
      <PageHeader
        title="Nhật ký hệ thống"
        subtitle="Mọi thay đổi được ghi vào một chuỗi có mã băm, không sửa được."
      />
      <Can permission={P.AuditChainVerify}>
        <ChainVerification />
      </Can>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="Thao tác" htmlFor="audit-action">
          <Select
            id="audit-action"
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="Tất cả"
            value={filters.action}
            onChange={(value?: string) => setFilter('action', value)}
            style={{ width: 280 }}
            options={Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="Người thực hiện" htmlFor="audit-actor">
          <Select
            id="audit-actor"
            allowClear
            placeholder="Tất cả"
            value={filters.actorId}
            onChange={(value?: string) => setFilter('actorId', value)}
            style={{ width: 240 }}
            {...actors}
          />
        </Form.Item>
        <Form.Item label="Loại đối tượng" htmlFor="audit-entity-type">
          <Input.Search
            id="audit-entity-type"
            allowClear
            defaultValue={filters.entityType}
            placeholder="ví dụ: document"
            onSearch={(value) => setFilter('entityType', value.trim())}
            style={{ width: 180 }}
          />
        </Form.Item>
        <Form.Item label="Mã đối tượng" htmlFor="audit-entity-id">
          <Input.Search
            id="audit-entity-id"
            allowClear
            defaultValue={filters.entityId}
            onSearch={(value) => setFilter('entityId', value.trim())}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item label="Từ ngày" htmlFor="audit-from">
          <DatePicker
            id="audit-from"
            format={DATE_FORMAT}
            value={filters.from ? dayjs(filters.from) : null}
            onChange={(value) => setFilter('from', value ? value.format('YYYY-MM-DD') : undefined)}
          />
        </Form.Item>
        <Form.Item label="Đến ngày" htmlFor="audit-to">
          <DatePicker
            id="audit-to"
            format={DATE_FORMAT}
            value={filters.to ? dayjs(filters.to) : null}
            onChange={(value) => setFilter('to', value ? value.format('YYYY-MM-DD') : undefined)}
          />
        </Form.Item>
      </Form>
      {query.error ? (
        <Alert type="error" showIcon message={errorMessage(query.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Table<AuditEvent>
        rowKey="id"
        caption="Các sự kiện trong nhật ký"
        loading={query.isFetching}
        dataSource={query.data?.items}
        pagination={pagination}
        expandable={{ expandedRowRender: (event) => <Changes event={event} /> }}
        columns={[
          { title: 'Số', dataIndex: 'seq', width: 80 },
          { title: 'Thời điểm', dataIndex: 'occurredAt', width: 150, render: formatDateTime },
          { title: 'Thao tác', dataIndex: 'actionLabel' },
          {
            title: 'Người thực hiện',
            key: 'actor',
            render: (_, event) =>
              event.actorId
                ? `${event.actorName ?? event.actorUsername} (${event.actorUsername})`
                : 'Hệ thống',
          },
          {
            title: 'Đối tượng',
            key: 'subject',
            render: (_, event) => event.subjectName ?? (event.redacted ? 'Bị che' : event.entityType),
          },
        ]}
      />
    </>
  );
}
