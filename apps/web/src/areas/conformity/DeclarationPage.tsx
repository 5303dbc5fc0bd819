import { DeleteOutlined, EditOutlined, FileDoneOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { api, call, ifMatch } from '../../api/client';
import { P } from '../../auth/permissions';
import { useAuth } from '../../auth/use-auth';
import { formatDate, formatDateTime } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { applyServerErrors } from '../../ui/server-errors';
import { SigningPasswordModal } from '../../ui/SigningPasswordModal';
import { useFileUrl } from '../../ui/use-file-url';
import { DeclarationStateTag } from './DeclarationStateTag';
import type { Declaration } from './declaration-types';

const h2 = (text: string) => (
  <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
    {text}
  </Typography.Title>
);

/**
 * One declaration: its scope frozen to the procedures in force, the legal bases, the decision as a
 * PDF inside the page (a draft as it would read today), and the next step for whoever may take it:
 * edit or discard the draft (ISO secretary), sign (head), submit (secretary), acknowledge (Sở KH&CN).
 */
export default function DeclarationPage() {
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: ['conformity', 'declaration', id],
    queryFn: () => call(api.GET('/api/v1/conformity/declarations/{id}', { params: { path: { id } } })),
  });
  return (
    <QueryState query={query}>{(declaration) => <DeclarationView declaration={declaration} />}</QueryState>
  );
}

type Dialog = 'edit' | 'sign' | null;

function DeclarationView({ declaration: d }: { declaration: Declaration }) {
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['conformity'] });
  const draft = d.state === 'draft';
  const path = { params: { path: { id: d.id }, header: ifMatch(d.version) } };
  const step = useMutation({
    mutationFn: (action: 'submit' | 'acknowledge') =>
      action === 'submit'
        ? call(api.POST('/api/v1/conformity/declarations/{id}/submit', path))
        : call(api.POST('/api/v1/conformity/declarations/{id}/acknowledge', path)),
    onSuccess: (_saved, action) => {
      void message.success(
        action === 'submit'
          ? 'Đã gửi quyết định công bố đến Sở KH&CN.'
          : 'Đã xác nhận tiếp nhận quyết định công bố.',
      );
      void refresh();
    },
    onError: (failure) => {
      void message.error(errorMessage(failure));
      void refresh();
    },
  });
  const discard = () => {
    modal.confirm({
      title: 'Hủy dự thảo quyết định công bố?',
      content: 'Dự thảo bị xóa; nhật ký vẫn ghi lại việc hủy.',
      okText: 'Hủy dự thảo',
      okButtonProps: { danger: true },
      cancelText: 'Không',
      onOk: () =>
        call(api.DELETE('/api/v1/conformity/declarations/{id}', { params: { path: { id: d.id } } })).then(
          () => {
            void message.success('Đã hủy dự thảo.');
            void refresh();
            void navigate('/conformity/declarations');
          },
          (failure: unknown) => void message.error(errorMessage(failure)),
        ),
    });
  };
  const sign = (password: string) =>
    call(api.POST('/api/v1/conformity/declarations/{id}/sign', { ...path, body: { password } })).then(() => {
      void message.success('Đã ký quyết định công bố.');
      void refresh();
    });
  const title = d.number ? `Quyết định công bố số ${d.number}` : 'Dự thảo quyết định công bố';
  return (
    <>
      <PageHeader
        title={title}
        subtitle={
          <Space wrap>
            <span>{d.agencyName}</span>
            <span>{d.kindLabel}</span>
            <span data-testid="declaration-state">
              <DeclarationStateTag state={d.state} />
            </span>
          </Space>
        }
        extra={
          <>
            {draft && can(P.ConformityDeclare) ? (
              <>
                <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                  Sửa phạm vi, căn cứ
                </Button>
                <Button danger icon={<DeleteOutlined />} onClick={discard}>
                  Hủy dự thảo
                </Button>
              </>
            ) : null}
            {draft && can(P.ConformitySign) ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setDialog('sign')}>
                Ký quyết định
              </Button>
            ) : null}
            {d.state === 'signed' && can(P.ConformityDeclare) ? (
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={step.isPending}
                onClick={() => step.mutate('submit')}
              >
                Gửi Sở KH&CN
              </Button>
            ) : null}
            {d.state === 'submitted' && can(P.ConformityOversee) ? (
              <Button
                type="primary"
                icon={<FileDoneOutlined />}
                loading={step.isPending}
                onClick={() => step.mutate('acknowledge')}
              >
                Xác nhận tiếp nhận
              </Button>
            ) : null}
          </>
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {draft && can(P.ConformityRead) ? (
          <Alert
            type="info"
            showIcon
            message={
              <span>
                Thủ trưởng chỉ ký được khi cơ quan đủ điều kiện công bố.{' '}
                <Link to={`/conformity/readiness?tthcCodes=${d.tthcCodes.join(',')}`}>
                  Xem điều kiện công bố
                </Link>
              </span>
            }
          />
        ) : null}
        {d.supersededBy ? (
          <Alert
            type="warning"
            showIcon
            message={
              <span>
                Đã được thay thế bằng{' '}
                <Link to={`/conformity/declarations/${d.supersededBy.id}`}>
                  Quyết định số {d.supersededBy.number}
                </Link>
                .
              </span>
            }
          />
        ) : null}
        <Card>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="Số">{d.number ?? 'Chưa có (dự thảo)'}</Descriptions.Item>
            <Descriptions.Item label="Ngày ký">
              {d.decisionDate ? formatDate(d.decisionDate) : '—'}
            </Descriptions.Item>
            {d.signature ? (
              <Descriptions.Item label="Chữ ký">
                {`${d.signature.signerName} ký lúc ${formatDateTime(d.signature.signedAt)}`}
              </Descriptions.Item>
            ) : null}
            {d.submittedAt ? (
              <Descriptions.Item label="Gửi Sở KH&CN">
                {`${formatDateTime(d.submittedAt)} (${d.submittedBy ?? ''})`}
              </Descriptions.Item>
            ) : null}
            {d.acknowledgedAt ? (
              <Descriptions.Item label="Sở KH&CN tiếp nhận">
                {`${formatDateTime(d.acknowledgedAt)} (${d.acknowledgedBy ?? ''})`}
              </Descriptions.Item>
            ) : null}
            {d.supersedes ? (
              <Descriptions.Item label="Thay thế">
                <Link to={`/conformity/declarations/${d.supersedes.id}`}>
                  Quyết định số {d.supersedes.number}
                </Link>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
        <Card title={h2(`Phạm vi công bố (${d.tthcCodes.length} thủ tục hành chính)`)}>
          <List
            size="small"
            dataSource={d.tthcCodes}
            locale={{ emptyText: 'Chưa có thủ tục hành chính nào trong phạm vi.' }}
            renderItem={(code) => {
              const covering = d.procedures.filter((p) => p.tthcCodes.includes(code));
              return (
                <List.Item>
                  <span>
                    <strong>{code}</strong>:{' '}
                    {covering.length
                      ? covering.map((p) => `${p.code} — ${p.title}`).join('; ')
                      : 'chưa có quy trình đang hiệu lực'}
                  </span>
                </List.Item>
              );
            }}
          />
        </Card>
        <Card title={h2('Căn cứ')}>
          <List
            size="small"
            dataSource={d.legalBases}
            renderItem={(basis) => <List.Item>{basis}</List.Item>}
          />
        </Card>
        <DecisionPdf declaration={d} />
      </Space>
      <EditDeclarationModal open={dialog === 'edit'} declaration={d} onClose={() => setDialog(null)} />
      <SigningPasswordModal
        open={dialog === 'sign'}
        title="Ký quyết định công bố"
        meaning={`Ký quyết định công bố hệ thống quản lý chất lượng của ${d.agencyName} phù hợp TCVN ISO 9001:2015`}
        onSign={sign}
        onClose={() => setDialog(null)}
      />
    </>
  );
}

/** The decision inside the page: the signed PDF, or the draft as it would read if signed today. */
function DecisionPdf({ declaration: d }: { declaration: Declaration }) {
  const draft = d.state === 'draft';
  // A new version (an edit, the signature) fetches the paper again.
  const { url, error } = useFileUrl(
    `/api/v1/conformity/declarations/${d.id}/pdf${draft ? '?draft=true' : ''}`,
    d.version,
  );
  return (
    <Card title={h2(draft ? 'Dự thảo quyết định (PDF)' : 'Quyết định đã ký (PDF)')}>
      {error ? (
        <Alert type="error" showIcon message={error} role="alert" />
      ) : url ? (
        <iframe
          src={url}
          title={draft ? 'Dự thảo quyết định công bố' : `Quyết định công bố số ${d.number ?? ''}`}
          style={{ border: 0, width: '100%', minHeight: '80vh' }}
        />
      ) : (
        <Spin />
      )}
    </Card>
  );
}

interface EditValues {
  tthcCodes: string[];
  legalBases: string;
}

/** The draft's scope and legal bases (one per line), saved with If-Match. */
function EditDeclarationModal({
  open,
  declaration: d,
  onClose,
}: {
  open: boolean;
  declaration: Declaration;
  onClose: () => void;
}) {
  const [form] = Form.useForm<EditValues>();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (values: EditValues) =>
      call(
        api.PATCH('/api/v1/conformity/declarations/{id}', {
          params: { path: { id: d.id }, header: ifMatch(d.version) },
          body: {
            tthcCodes: values.tthcCodes,
            legalBases: values.legalBases
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
          },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['conformity'] });
      onClose();
    },
    onError: (failure) => setError(applyServerErrors(form, failure)),
  });
  return (
    <Modal
      open={open}
      title="Sửa phạm vi và căn cứ"
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={save.isPending}
      onOk={() => {
        setError(null);
        form.validateFields().then(
          (values) => save.mutate(values),
          () => undefined,
        );
      }}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ tthcCodes: d.tthcCodes, legalBases: d.legalBases.join('\n') }}
      >
        <Form.Item name="tthcCodes" label="Phạm vi công bố (mã thủ tục hành chính)">
          <Select mode="tags" tokenSeparators={[',', ' ']} notFoundContent={null} />
        </Form.Item>
        <Form.Item
          name="legalBases"
          label="Căn cứ (mỗi căn cứ một dòng, không ghi chữ “Căn cứ”)"
          rules={[{ required: true, whitespace: true, message: 'Nhập ít nhất một căn cứ.' }]}
        >
          <Input.TextArea rows={6} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
