import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, InputNumber, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { Can } from '../../auth/Can';
import { P } from '../../auth/permissions';
import { formatDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { usePagedQuery } from '../../ui/use-paged-query';
import type { Programme } from './labels';
import { ProgrammeFormModal, type ProgrammeValues } from './ProgrammeFormModal';

/** The audit programmes of the agency, one a year; the secretary lays out a new one. */
export default function ProgrammesPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const { query, filters, setFilter, pagination } = usePagedQuery(
    ['audits', 'programmes'],
    ['year'] as const,
    ({ page, pageSize, year }) =>
      call(
        api.GET('/api/v1/audit-programmes', {
          params: { query: { page, pageSize, year: year ? Number(year) : undefined } },
        }),
      ),
  );
  const create = useMutation({
    mutationFn: (values: ProgrammeValues) => call(api.POST('/api/v1/audit-programmes', { body: values })),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['audits'] });
      void message.success(`Đã lập chương trình đánh giá năm ${created.year}.`);
      await navigate(`/audit-programmes/${created.id}`);
    },
  });

  return (
    <>
      <PageHeader
        title="Chương trình đánh giá nội bộ"
        extra={
          <Can permission={P.AuditPlan}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Lập chương trình
            </Button>
          </Can>
        }
      />
      <Flex gap={12} style={{ marginBottom: 12 }}>
        <Form layout="inline">
          <Form.Item label="Năm" htmlFor="programme-year">
            <InputNumber
              id="programme-year"
              min={2000}
              max={2100}
              value={filters.year ? Number(filters.year) : null}
              onChange={(value) => setFilter('year', value ? String(value) : null)}
            />
          </Form.Item>
        </Form>
      </Flex>
      <QueryState query={query}>
        {(data) => (
          <Table<Programme>
            rowKey="id"
            caption="Danh sách chương trình đánh giá"
            dataSource={data.items}
            pagination={pagination}
            loading={query.isFetching}
            columns={[
              { title: 'Năm', dataIndex: 'year', width: 90 },
              {
                title: 'Tên chương trình',
                dataIndex: 'title',
                render: (title: string, row) => <Link to={`/audit-programmes/${row.id}`}>{title}</Link>,
              },
              { title: 'Tiêu chuẩn', dataIndex: 'clauseEdition' },
              { title: 'Cập nhật', dataIndex: 'updatedAt', render: (v: string) => formatDate(v) },
            ]}
          />
        )}
      </QueryState>
      <ProgrammeFormModal
        open={creating}
        onSubmit={(values) => create.mutateAsync(values)}
        onClose={() => setCreating(false)}
      />
    </>
  );
}
