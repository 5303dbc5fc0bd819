import { DeleteOutlined, EditOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { api, call, ifMatch } from '../../api/client';
import { uploadFiles } from '../../api/files';
import { P } from '../../auth/permissions';
import { useCan } from '../../auth/use-auth';
import { QueryState } from '../../ui/QueryState';
import { usePagedQuery } from '../../ui/use-paged-query';
import { EvidenceFiles, evidencePath } from './EvidenceFiles';
import { FindingFormModal, type FindingValues } from './FindingFormModal';
import {
  FINDING_TYPE_COLORS,
  FINDING_TYPE_LABELS,
  type Audit,
  type Finding,
  type FindingType,
} from './labels';
import { useAuditRole } from './use-audit';

const TYPE_OPTIONS = (Object.keys(FINDING_TYPE_LABELS) as FindingType[]).map((value) => ({
  value,
  label: FINDING_TYPE_LABELS[value],
}));

/** The findings of the audit, paged on the server; the team records, edits and deletes them while in progress. */
export function FindingsTab({ audit }: { audit: Audit }) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const { inTeam } = useAuditRole(audit);
  const canConduct = useCan(P.AuditConduct);
  const editable = audit.state === 'in_progress' && inTeam && canConduct;
  const [editing, setEditing] = useState<Finding | 'new' | null>(null);
  const [filesOf, setFilesOf] = useState<Finding | null>(null);
  const { query, filters, setFilter, pagination } = usePagedQuery(
    ['audits', 'findings', audit.id],
    ['type'] as const,
    ({ page, pageSize, type }) =>
      call(
        api.GET('/api/v1/audits/{id}/findings', {
          params: {
            path: { id: audit.id },
            query: { page, pageSize, type: type as FindingType | undefined },
          },
        }),
      ),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['audits', 'findings', audit.id] });

  const save = async (values: FindingValues, files: File[], onProgress: (percent: number) => void) => {
    if (editing && editing !== 'new') {
      await call(
        api.PATCH('/api/v1/audits/{id}/findings/{findingId}', {
          params: { path: { id: audit.id, findingId: editing.id }, header: ifMatch(editing.version) },
          body: values,
        }),
      );
      void message.success(`Đã lưu phát hiện ${editing.number}.`);
      await refresh();
      return;
    }
    const created = await call(
      api.POST('/api/v1/audits/{id}/findings', { params: { path: { id: audit.id } }, body: values }),
    );
    const path = evidencePath({ auditId: audit.id, findingId: created.id });
    try {
      for (const [index, file] of files.entries()) {
        await uploadFiles(path, { file }, (percent) =>
          onProgress(Math.round(((index + percent / 100) / files.length) * 100)),
        );
      }
      void message.success(`Đã ghi nhận phát hiện ${created.number}.`);
    } catch (failure) {
      void message.error(
        `Đã ghi nhận phát hiện ${created.number} nhưng chưa tải lên được tệp: ${errorMessage(failure)}`,
      );
    }
    await refresh();
  };
  const remove = (finding: Finding) =>
    modal.confirm({
      title: `Xóa phát hiện ${finding.number}?`,
      content: 'Phát hiện và các tệp bằng chứng của nó sẽ bị xóa.',
      okText: 'Xóa',
      okButtonProps: { danger: true },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await call(
            api.DELETE('/api/v1/audits/{id}/findings/{findingId}', {
              params: { path: { id: audit.id, findingId: finding.id } },
            }),
          );
          void message.success(`Đã xóa phát hiện ${finding.number}.`);
          await refresh();
        } catch (failure) {
          void message.error(errorMessage(failure));
        }
      },
    });

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          Phát hiện
        </Typography.Title>
        <Space wrap>
          <Form layout="inline">
            <Form.Item label="Loại" htmlFor="finding-filter-type">
              <Select
                id="finding-filter-type"
                allowClear
                style={{ width: 220 }}
                options={TYPE_OPTIONS}
                value={filters.type ?? null}
                onChange={(value: string | undefined) => setFilter('type', value)}
              />
            </Form.Item>
          </Form>
          {editable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              Ghi nhận phát hiện
            </Button>
          ) : null}
        </Space>
      </Flex>
      <QueryState query={query}>
        {(data) => (
          <Table<Finding>
            rowKey="id"
            caption="Các phát hiện của cuộc đánh giá"
            dataSource={data.items}
            pagination={pagination}
            loading={query.isFetching}
            columns={[
              { title: 'Số', dataIndex: 'number', width: 80 },
              {
                title: 'Loại',
                dataIndex: 'type',
                render: (type: FindingType) => (
                  <Tag color={FINDING_TYPE_COLORS[type]}>{FINDING_TYPE_LABELS[type]}</Tag>
                ),
              },
              {
                title: 'Điều khoản',
                render: (_: unknown, f) => (f.clauseTitle ? `${f.clause} — ${f.clauseTitle}` : f.clause),
              },
              { title: 'Phòng, ban', dataIndex: 'orgUnitName' },
              { title: 'Nội dung', dataIndex: 'statement' },
              {
                title: 'Sự không phù hợp',
                dataIndex: 'nonconformity',
                render: (nc: Finding['nonconformity']) =>
                  nc ? <Link to={`/nonconformities/${nc.id}`}>{nc.number}</Link> : null,
              },
              {
                title: 'Thao tác',
                width: 150,
                render: (_: unknown, f) => (
                  <Space size={0}>
                    <Button
                      type="text"
                      icon={<PaperClipOutlined />}
                      aria-label={`Tệp bằng chứng của phát hiện ${f.number}`}
                      onClick={() => setFilesOf(f)}
                    />
                    {editable ? (
                      <>
                        <Button
                          type="text"
                          icon={<EditOutlined />}
                          aria-label={`Sửa phát hiện ${f.number}`}
                          onClick={() => setEditing(f)}
                        />
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={`Xóa phát hiện ${f.number}`}
                          onClick={() => void remove(f)}
                        />
                      </>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <FindingFormModal
        key={editing === null || editing === 'new' ? 'new' : editing.id}
        open={editing !== null}
        audit={audit}
        finding={editing === null || editing === 'new' ? undefined : editing}
        onSubmit={save}
        onClose={() => setEditing(null)}
      />
      <Modal
        open={filesOf !== null}
        title={filesOf ? `Tệp bằng chứng của phát hiện ${filesOf.number}` : ''}
        footer={null}
        onCancel={() => setFilesOf(null)}
        destroyOnHidden
      >
        {filesOf ? (
          <EvidenceFiles
            owner={{ auditId: audit.id, findingId: filesOf.id }}
            editable={editable}
            label={`phát hiện ${filesOf.number}`}
          />
        ) : null}
      </Modal>
    </>
  );
}
