import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { api, call } from '../../api/client';
import { P } from '../../auth/permissions';
import { useCan } from '../../auth/use-auth';
import { formatDate } from '../../ui/dates';
import { DocumentsTheme } from './DocumentsTheme';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { ControlledCopyDrawer } from './ControlledCopyDrawer';
import { DraftPanel } from './DraftPanel';
import { SignFormModal } from './SignFormModal';
import { StateTag } from './StateTag';
import { TAG_COLORS, TYPE_LABELS, type DocumentView, type VersionState, type VersionView } from './labels';
import { useDocument } from './use-document';
import { useOrgUnits } from '../../ui/org-units';
import { useVersions } from './use-versions';

/** States in which a version is still on its way (a new revision cannot start). */
const IN_FLIGHT: VersionState[] = ['draft', 'in_review', 'awaiting_approval', 'approved', 'scheduled'];

/** A document: its details, its versions, and what the user may do with it now. */
export default function DocumentPage() {
  const { id = '' } = useParams();
  const document = useDocument(id);
  const versions = useVersions(id);
  return (
    <DocumentsTheme>
      <QueryState query={document}>
        {(doc) => (
          <QueryState query={versions}>{(list) => <DocumentDetail doc={doc} versions={list} />}</QueryState>
        )}
      </QueryState>
    </DocumentsTheme>
  );
}

function DocumentDetail({ doc, versions }: { doc: DocumentView; versions: VersionView[] }) {
  const canDraft = useCan(P.DocumentDraft);
  const canWithdraw = useCan(P.DocumentApprove);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const units = useOrgUnits();
  const [copyOpen, setCopyOpen] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [revising, setRevising] = useState(false);
  const unitName = (unitId: string | null | undefined) =>
    units.data?.find((u) => u.id === unitId)?.name ?? '';
  const latest = versions[0];
  const effective = versions.find((v) => v.id === doc.effectiveVersionId);
  const draft = latest?.state === 'draft' && canDraft ? latest : undefined;
  const canRevise =
    canDraft && doc.status === 'active' && !!effective && !versions.some((v) => IN_FLIGHT.includes(v.state));

  const startRevision = async () => {
    setRevising(true);
    try {
      await call(api.POST('/api/v1/documents/{id}/versions', { params: { path: { id: doc.id } } }));
      void message.success('Đã tạo dự thảo sửa đổi từ phiên bản đang hiệu lực.');
      await queryClient.invalidateQueries({ queryKey: ['documents'] });
    } catch (failure) {
      void message.error(errorMessage(failure));
    } finally {
      setRevising(false);
    }
  };

  return (
    <>
      <PageHeader
        title={`${doc.code} — ${latest?.title ?? doc.title}`}
        subtitle={TYPE_LABELS[doc.type]}
        extra={
          <>
            {effective ? <Button onClick={() => setCopyOpen(true)}>Xem bản kiểm soát</Button> : null}
            {canRevise ? (
              <Button type="primary" loading={revising} onClick={() => void startRevision()}>
                Tạo bản sửa đổi
              </Button>
            ) : null}
            {canWithdraw && effective ? (
              <Button danger onClick={() => setWithdrawing(true)}>
                Hủy bỏ tài liệu
              </Button>
            ) : null}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            { key: 'code', label: 'Mã hiệu', children: doc.code },
            { key: 'type', label: 'Loại tài liệu', children: TYPE_LABELS[doc.type] },
            {
              key: 'status',
              label: 'Tình trạng',
              children:
                doc.status === 'obsolete' ? (
                  <Tag color={TAG_COLORS.red}>Đã hủy bỏ</Tag>
                ) : effective ? (
                  <StateTag state="effective" />
                ) : latest ? (
                  <StateTag state={latest.state} />
                ) : null,
            },
            { key: 'owner', label: 'Phòng, ban chủ trì', children: unitName(doc.ownerOrgUnitId) },
            { key: 'iso', label: 'Điều khoản ISO 9001', children: doc.isoClauses.join(', ') },
            { key: 'tthc', label: 'Mã thủ tục hành chính', children: doc.tthcCodes.join(', ') },
            { key: 'issues', label: 'Số lần ban hành', children: doc.issueCount },
            { key: 'interval', label: 'Chu kỳ xem xét lại', children: `${doc.reviewIntervalMonths} tháng` },
            {
              key: 'review',
              label: 'Ngày phải xem xét lại',
              children: (
                <>
                  {formatDate(doc.nextReviewDate)}{' '}
                  {doc.reviewDue ? <Tag color={TAG_COLORS.orange}>Đến hạn xem xét</Tag> : null}
                </>
              ),
            },
            {
              key: 'distribution',
              label: 'Phân phối',
              children: (doc.distribution ?? [])
                .map((t) => (t.targetType === 'org_unit' ? unitName(t.targetId) : 'Một người nhận'))
                .filter(Boolean)
                .join(', '),
            },
          ]}
        />
      </Card>
      {draft ? <DraftPanel documentId={doc.id} agencyId={doc.agencyId} version={draft} /> : null}
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            Các phiên bản
          </Typography.Title>
        }
      >
        <Table<VersionView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={versions}
          columns={[
            { title: 'Lần sửa đổi', dataIndex: 'revision' },
            { title: 'Tên tài liệu', dataIndex: 'title' },
            {
              title: 'Trạng thái',
              dataIndex: 'state',
              render: (state: VersionState) => <StateTag state={state} />,
            },
            { title: 'Lần ban hành', dataIndex: 'issueNumber', render: (n: number | null) => n ?? '' },
            {
              title: 'Ngày hiệu lực',
              dataIndex: 'effectiveFrom',
              render: (d: string | null) => formatDate(d),
            },
            {
              title: 'Chi tiết',
              render: (_, v) => (
                <Link
                  to={`/documents/${doc.id}/versions/${v.id}`}
                  aria-label={`Xem lần sửa đổi ${v.revision}`}
                >
                  Xem
                </Link>
              ),
            },
          ]}
        />
      </Card>
      <ControlledCopyDrawer
        target={
          copyOpen && effective ? { documentId: doc.id, versionId: effective.id, code: doc.code } : null
        }
        onClose={() => setCopyOpen(false)}
      />
      <SignFormModal<{ reason: string }>
        open={withdrawing}
        title="Hủy bỏ tài liệu"
        meaning={`Hủy bỏ ${doc.code}: tài liệu hết hiệu lực, không còn trong danh mục tài liệu nội bộ.`}
        okText="Ký hủy bỏ"
        onClose={() => setWithdrawing(false)}
        onSign={async ({ reason, password }) => {
          await call(
            api.POST('/api/v1/documents/{id}/withdraw', {
              params: { path: { id: doc.id } },
              body: { reason: reason.trim(), password },
            }),
          );
          void message.success(`Đã hủy bỏ ${doc.code}.`);
          await queryClient.invalidateQueries({ queryKey: ['documents'] });
          void navigate(`/documents/${doc.id}`);
        }}
      >
        <Form.Item
          name="reason"
          label="Lý do hủy bỏ"
          rules={[{ required: true, whitespace: true, message: 'Nhập lý do hủy bỏ.' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </SignFormModal>
    </>
  );
}
