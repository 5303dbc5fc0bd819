import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, InputNumber, Select, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { Can } from '../../auth/Can';
import { P } from '../../auth/permissions';
import { formatDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { usePagedQuery } from '../../ui/use-paged-query';
import { AuditFormModal, type AuditPlanBody } from './AuditFormModal';
import { AuditStateTag } from './AuditStateTag';
import { AUDIT_STATE_LABELS, type Audit, type AuditState } from './labels';
import { useProgrammes } from './use-audit-references';

const STATE_OPTIONS = (Object.keys(AUDIT_STATE_LABELS) as AuditState[]).map((value) => ({
  value,
  label: AUDIT_STATE_LABELS[value],
}));

/** The agency's internal audits, filtered on the server; the secretary plans a new one. */
export default function AuditsPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const programmes = useProgrammes();
  const { query, filters, setFilter, pagination } = usePagedQuery(
    ['audits', 'list'],
    ['state', 'year', 'programmeId'] as const,
    ({ page, pageSize, state, year, programmeId }) =>
      call(
        api.GET('/api/v1/audits', {
          params: {
            query: {
              page,
              pageSize,
              state: state as AuditState | undefined,
              year: year ? Number(year) : undefined,
              programmeId,
            },
          },
        }),
      ),
  );
  const create = useMutation({
    mutationFn: (body: AuditPlanBody) => call(api.POST('/api/v1/audits', { body })),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['audits'] });
      void message.success(`Đã lập kế hoạch cuộc đánh giá số ${created.number}.`);
      await navigate(`/audits/${created.id}`);
    },
  });

  return (
    <>
      <PageHeader
        title="Cuộc đánh giá nội bộ"
        extra={
          <Can permission={P.AuditPlan}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Lập kế hoạch đánh giá
            </Button>
          </Can>
        }
      />
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="Trạng thái" htmlFor="audit-filter-state">
          <Select
            id="audit-filter-state"
            allowClear
            style={{ width: 180 }}
            options={STATE_OPTIONS}
            value={filters.state ?? null}
            onChange={(value: string | undefined) => setFilter('state', value)}
          />
        </Form.Item>
        <Form.Item label="Năm" htmlFor="audit-filter-year">
          <InputNumber
            id="audit-filter-year"
            min={2000}
            max={2100}
            value={filters.year ? Number(filters.year) : null}
            onChange={(value) => setFilter('year', value ? String(value) : null)}
          />
        </Form.Item>
        <Form.Item label="Chương trình" htmlFor="audit-filter-programme">
          <Select
            id="audit-filter-programme"
            allowClear
            style={{ width: 320 }}
            options={programmes.data ?? []}
            value={filters.programmeId ?? null}
            onChange={(value: string | undefined) => setFilter('programmeId', value)}
          />
        </Form.Item>
      </Form>
      <QueryState query={query}>
        {(data) => (
          <Table<Audit>
            rowKey="id"
            caption="Danh sách cuộc đánh giá"
            dataSource={data.items}
            pagination={pagination}
            loading={query.isFetching}
            columns={[
              { title: 'Số', dataIndex: 'number', width: 100 },
              {
                title: 'Tên cuộc đánh giá',
                dataIndex: 'title',
                render: (title: string, row) => <Link to={`/audits/${row.id}`}>{title}</Link>,
              },
              {
                title: 'Đơn vị được đánh giá',
                dataIndex: 'orgUnits',
                render: (units: Audit['orgUnits']) => units.map((u) => u.name).join(', '),
              },
              {
                title: 'Thời gian',
                render: (_: unknown, row) => `${formatDate(row.startDate)} – ${formatDate(row.endDate)}`,
              },
              {
                title: 'Trưởng đoàn',
                dataIndex: 'leadAuditor',
                render: (lead: Audit['leadAuditor']) => lead.name,
              },
              {
                title: 'Trạng thái',
                dataIndex: 'state',
                render: (_: AuditState, row) => <AuditStateTag audit={row} />,
              },
            ]}
          />
        )}
      </QueryState>
      <AuditFormModal
        open={creating}
        defaultProgrammeId={filters.programmeId}
        onSubmit={(body) => create.mutateAsync(body)}
        onClose={() => setCreating(false)}
      />
    </>
  );
}
