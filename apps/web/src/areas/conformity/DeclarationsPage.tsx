import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Modal, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { P } from '../../auth/permissions';
import { useAuth } from '../../auth/use-auth';
import { formatDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { applyServerErrors } from '../../ui/server-errors';
import { usePagedQuery } from '../../ui/use-paged-query';
import { DeclarationStateTag } from './DeclarationStateTag';
import {
  DECLARATION_STATE_LABELS,
  type DeclarationState,
  type DeclarationSummary,
} from './declaration-types';

const FILTERS = ['state'] as const;

/**
 * Quyết định công bố: the agency's declarations (drafts too) with "Lập quyết định công bố" for the
 * ISO secretary; for Sở KH&CN, every agency's signed declarations.
 */
export default function DeclarationsPage() {
  const { can } = useAuth();
  const overseer = can(P.ConformityOversee);
  const [creating, setCreating] = useState(false);
  const { query, filters, setFilter, pagination } = usePagedQuery(
    ['conformity', 'declarations'],
    FILTERS,
    (q) =>
      call(
        api.GET('/api/v1/conformity/declarations', {
          params: {
            query: { page: q.page, pageSize: q.pageSize, state: q.state as DeclarationState | undefined },
          },
        }),
      ),
  );
  const open = (d: DeclarationSummary, text: string) => (
    <Link to={`/conformity/declarations/${d.id}`}>{text}</Link>
  );
  const columns: ColumnsType<DeclarationSummary> = [
    ...(overseer
      ? [
          {
            title: 'Cơ quan',
            dataIndex: 'agencyName',
            render: (name: string, d: DeclarationSummary) => open(d, name),
          },
        ]
      : []),
    {
      title: 'Số',
      dataIndex: 'number',
      width: 140,
      render: (number: string | null, d) => open(d, number ?? 'Dự thảo'),
    },
    { title: 'Loại', dataIndex: 'kindLabel', width: 160 },
    {
      title: 'Ngày ký',
      dataIndex: 'decisionDate',
      width: 120,
      render: (date: string | null) => (date ? formatDate(date) : '—'),
    },
    { title: 'Số TTHC', key: 'scope', width: 100, render: (_: unknown, d) => d.tthcCodes.length },
    {
      title: 'Trạng thái',
      dataIndex: 'state',
      width: 190,
      render: (state: DeclarationState, d) => (
        <Flex gap={4} wrap>
          <DeclarationStateTag state={state} />
          {d.superseded ? <span>(đã được thay thế)</span> : null}
        </Flex>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={overseer ? 'Quyết định công bố của các cơ quan' : 'Quyết định công bố HTQLCL'}
        subtitle="Công bố hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015"
        extra={
          can(P.ConformityDeclare) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Lập quyết định công bố
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label="Trạng thái"
            allowClear
            placeholder="Trạng thái"
            style={{ width: 220 }}
            value={filters.state}
            onChange={(v) => setFilter('state', v)}
            options={Object.entries(DECLARATION_STATE_LABELS)
              .filter(([value]) => !overseer || value !== 'draft')
              .map(([value, label]) => ({ value, label }))}
          />
        </Flex>
        <Table
          rowKey="id"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          pagination={pagination}
          locale={{ emptyText: 'Chưa có quyết định công bố nào.' }}
        />
      </Card>
      <CreateDeclarationModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

interface CreateValues {
  tthcCodes?: string[];
}

/**
 * "Lập quyết định công bố": the TTHC codes of the scope (empty: every code of the procedures in
 * force). The legal bases start as the circular requires; the draft's page edits them.
 */
function CreateDeclarationModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CreateValues>();
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (values: CreateValues) =>
      call(
        api.POST('/api/v1/conformity/declarations', {
          body: { tthcCodes: values.tthcCodes?.length ? values.tthcCodes : undefined },
        }),
      ),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['conformity'] });
      form.resetFields();
      onClose();
      void navigate(`/conformity/declarations/${created.id}`);
    },
    onError: (failure) => setError(applyServerErrors(form, failure)),
  });
  return (
    <Modal
      open={open}
      title="Lập dự thảo quyết định công bố"
      okText="Lập dự thảo"
      cancelText="Hủy"
      confirmLoading={create.isPending}
      onOk={() => {
        setError(null);
        form.validateFields().then(
          (values) => create.mutate(values),
          () => undefined,
        );
      }}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="tthcCodes"
          label="Phạm vi công bố (mã thủ tục hành chính)"
          extra="Nhập mã TTHC rồi nhấn Enter; bỏ trống để công bố cho mọi TTHC có quy trình đang hiệu lực."
        >
          <Select
            mode="tags"
            tokenSeparators={[',', ' ']}
            notFoundContent={null}
            placeholder="Ví dụ: 1.000948"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
