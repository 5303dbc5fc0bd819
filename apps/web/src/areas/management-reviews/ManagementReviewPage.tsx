import {
  CheckCircleOutlined,
  DownloadOutlined,
  EditOutlined,
  FileTextOutlined,
  PlusOutlined,
  ReloadOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { api, call, ifMatch } from '../../api/client';
import { saveFile } from '../../api/files';
import { P } from '../../auth/permissions';
import { useAuth } from '../../auth/use-auth';
import { DATE_FORMAT, formatDate, formatDateTime, toApiDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { applyServerErrors } from '../../ui/server-errors';
import { SigningPasswordModal } from '../../ui/SigningPasswordModal';
import { PeopleSelect } from './PeopleSelect';
import { ReviewInputsView } from './ReviewInputsView';
import { ReviewStateTag } from './ReviewStateTag';
import { ReviewTheme } from './ReviewTheme';
import {
  ACTION_KIND_LABELS,
  type ManagementReview,
  type ReviewAction,
  type ReviewActionKind,
} from './review-types';
import { useReview } from './use-review';

const h2 = (text: string) => (
  <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
    {text}
  </Typography.Title>
);

/** One management review: the compiled inputs, the manual inputs, the meeting, decisions and actions, the signed minutes. */
export default function ManagementReviewPage() {
  const { id = '' } = useParams();
  const { query, refresh } = useReview(id);
  return (
    <ReviewTheme>
      <QueryState query={query}>
        {(review) => <ReviewView review={review} refresh={() => void refresh()} />}
      </QueryState>
    </ReviewTheme>
  );
}

type Dialog = 'hold' | 'sign' | 'action' | null;

function ReviewView({ review, refresh }: { review: ManagementReview; refresh: () => void }) {
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [doneAction, setDoneAction] = useState<ReviewAction | null>(null);
  const mayManage = can(P.ManagementReviewManage);
  const isChair = can(P.ManagementReviewSign) && review.chairId === me?.id;
  const compile = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/management-reviews/{id}/compile', {
          params: { path: { id: review.id }, header: ifMatch(review.version) },
        }),
      ),
    onSuccess: () => {
      void message.success('Đã tổng hợp lại đầu vào từ dữ liệu của kỳ.');
      refresh();
    },
    onError: (failure) => {
      void message.error(errorMessage(failure));
      refresh();
    },
  });
  const sign = (password: string) =>
    call(
      api.POST('/api/v1/management-reviews/{id}/sign', {
        params: { path: { id: review.id }, header: ifMatch(review.version) },
        body: { password },
      }),
    ).then(() => {
      void message.success('Đã ký báo cáo xem xét của lãnh đạo.');
      refresh();
    });
  const fileName = `bao-cao-xem-xet-cua-lanh-dao-${review.number.replace('/', '-')}.pdf`;
  const actionColumns: ColumnsType<ReviewAction> = [
    { title: 'Loại', dataIndex: 'kind', width: 200, render: (k: ReviewActionKind) => ACTION_KIND_LABELS[k] },
    { title: 'Nội dung', dataIndex: 'description' },
    { title: 'Người thực hiện', dataIndex: 'ownerName', width: 180 },
    { title: 'Hạn', dataIndex: 'dueDate', width: 110, render: (d: string) => formatDate(d) },
    {
      title: 'Tình trạng',
      key: 'state',
      width: 170,
      render: (_: unknown, a) =>
        a.doneOn ? `Đã xong ${formatDate(a.doneOn)}` : a.overdue ? 'Quá hạn' : 'Đang thực hiện',
    },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 140,
      render: (_: unknown, a) =>
        a.state === 'open' && (a.ownerId === me?.id || mayManage) ? (
          <Button size="small" icon={<CheckCircleOutlined />} onClick={() => setDoneAction(a)}>
            Hoàn thành
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <PageHeader
        title={`Xem xét của lãnh đạo số ${review.number}`}
        subtitle={
          <Space>
            <span>{review.title}</span>
            <span data-testid="review-state">
              <ReviewStateTag state={review.state} />
            </span>
          </Space>
        }
        extra={
          <>
            {mayManage && review.state === 'planned' ? (
              <>
                <Button
                  icon={<ReloadOutlined />}
                  loading={compile.isPending}
                  onClick={() => compile.mutate()}
                >
                  Tổng hợp lại
                </Button>
                <Button type="primary" icon={<TeamOutlined />} onClick={() => setDialog('hold')}>
                  Họp xem xét
                </Button>
              </>
            ) : null}
            {isChair && review.state === 'held' ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setDialog('sign')}>
                Ký báo cáo
              </Button>
            ) : null}
            {review.state !== 'signed' ? (
              <Button
                icon={<FileTextOutlined />}
                onClick={() =>
                  void saveFile(
                    `/api/v1/management-reviews/${review.id}/minutes?draft=true`,
                    `du-thao-${fileName}`,
                  ).catch((e: unknown) => message.error(errorMessage(e)))
                }
              >
                Dự thảo báo cáo (PDF)
              </Button>
            ) : null}
            {review.state === 'signed' ? (
              <Button
                icon={<DownloadOutlined />}
                onClick={() =>
                  void saveFile(`/api/v1/management-reviews/${review.id}/minutes`, fileName).catch(
                    (e: unknown) => message.error(errorMessage(e)),
                  )
                }
              >
                Tải báo cáo (PDF)
              </Button>
            ) : null}
          </>
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="Kỳ xem xét">
              {formatDate(review.periodFrom)} – {formatDate(review.periodTo)}
            </Descriptions.Item>
            <Descriptions.Item label="Ngày họp">{formatDate(review.meetingDate)}</Descriptions.Item>
            <Descriptions.Item label="Địa điểm">{review.place ?? 'Chưa ghi'}</Descriptions.Item>
            <Descriptions.Item label="Chủ trì">{review.chair.fullName}</Descriptions.Item>
            <Descriptions.Item label="Thành phần">
              {review.attendees.map((a) => a.fullName).join(', ') || 'Chưa ghi'}
            </Descriptions.Item>
            <Descriptions.Item label="Tổng hợp lúc">{formatDateTime(review.compiledAt)}</Descriptions.Item>
            {review.signature ? (
              <Descriptions.Item label="Chữ ký">
                {`${review.signature.signerName} ký lúc ${formatDateTime(review.signature.signedAt)}`}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
        {review.state === 'planned' ? (
          <Alert
            type="info"
            showIcon
            message="Đầu vào được tổng hợp tự động từ dữ liệu của kỳ; bấm “Tổng hợp lại” để cập nhật trước cuộc họp. Khi họp xem xét, đầu vào được chốt."
          />
        ) : null}
        <ReviewInputsView inputs={review.inputs} />
        <ManualInputsCard
          review={review}
          editable={mayManage && review.state !== 'signed'}
          refresh={refresh}
        />
        {review.state !== 'planned' ? (
          <Card title={h2('Kết luận của cuộc họp')}>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label="Sự phù hợp">{review.conclusions.suitability}</Descriptions.Item>
              <Descriptions.Item label="Sự thỏa đáng">{review.conclusions.adequacy}</Descriptions.Item>
              <Descriptions.Item label="Hiệu lực">{review.conclusions.effectiveness}</Descriptions.Item>
            </Descriptions>
          </Card>
        ) : null}
        <Card
          title={h2('Quyết định và hành động')}
          extra={
            mayManage && review.state !== 'planned' ? (
              <Button icon={<PlusOutlined />} onClick={() => setDialog('action')}>
                Thêm quyết định, hành động
              </Button>
            ) : null
          }
        >
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            columns={actionColumns}
            dataSource={review.actions}
            locale={{
              emptyText:
                review.state === 'planned'
                  ? 'Quyết định và hành động được ghi sau khi họp xem xét.'
                  : 'Chưa có quyết định, hành động nào.',
            }}
          />
        </Card>
      </Space>
      <HoldModal open={dialog === 'hold'} review={review} onClose={() => setDialog(null)} refresh={refresh} />
      <AddActionModal
        open={dialog === 'action'}
        review={review}
        onClose={() => setDialog(null)}
        refresh={refresh}
      />
      <DoneModal action={doneAction} review={review} onClose={() => setDoneAction(null)} refresh={refresh} />
      <SigningPasswordModal
        open={dialog === 'sign'}
        title="Ký báo cáo xem xét của lãnh đạo"
        meaning={`Ký báo cáo xem xét của lãnh đạo số ${review.number} với tư cách người chủ trì`}
        onSign={sign}
        onClose={() => setDialog(null)}
      />
    </>
  );
}

const MANUAL_FIELDS = [
  ['customerFeedback', 'Sự thỏa mãn và phản hồi của khách hàng'],
  ['providerPerformance', 'Kết quả thực hiện của nhà cung cấp bên ngoài'],
  ['resourceAdequacy', 'Sự thỏa đáng của nguồn lực'],
  ['contextChanges', 'Thay đổi của các vấn đề nội bộ và bên ngoài'],
  ['improvementOpportunities', 'Các cơ hội cải tiến'],
] as const;

type ManualValues = Record<(typeof MANUAL_FIELDS)[number][0], string | null>;

/** The inputs the system cannot count, written by the secretary before the meeting. */
function ManualInputsCard({
  review,
  editable,
  refresh,
}: {
  review: ManagementReview;
  editable: boolean;
  refresh: () => void;
}) {
  const [form] = Form.useForm<ManualValues>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (values: ManualValues) =>
      call(
        api.PATCH('/api/v1/management-reviews/{id}', {
          params: { path: { id: review.id }, header: ifMatch(review.version) },
          body: values,
        }),
      ),
    onSuccess: () => {
      setError(null);
      void message.success('Đã lưu đầu vào.');
      refresh();
    },
    onError: (failure) => setError(applyServerErrors(form, failure)),
  });
  return (
    <Card title={h2('Đầu vào khác (ghi nhận trước cuộc họp)')}>
      {error ? (
        <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical" initialValues={review.manualInputs} disabled={!editable}>
        {MANUAL_FIELDS.map(([name, label]) => (
          <Form.Item key={name} name={name} label={label}>
            <Input.TextArea rows={2} maxLength={10000} />
          </Form.Item>
        ))}
        {editable ? (
          <Button type="primary" loading={save.isPending} onClick={() => save.mutate(form.getFieldsValue())}>
            Lưu đầu vào
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}

interface HoldValues {
  suitability: string;
  adequacy: string;
  effectiveness: string;
  presentIds?: string[];
}

function HoldModal({
  open,
  review,
  onClose,
  refresh,
}: {
  open: boolean;
  review: ManagementReview;
  onClose: () => void;
  refresh: () => void;
}) {
  const [form] = Form.useForm<HoldValues>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const hold = useMutation({
    mutationFn: ({ presentIds, ...conclusions }: HoldValues) =>
      call(
        api.POST('/api/v1/management-reviews/{id}/hold', {
          params: { path: { id: review.id }, header: ifMatch(review.version) },
          body: { conclusions, presentIds: presentIds ?? review.attendees.map((a) => a.id) },
        }),
      ),
    onSuccess: () => {
      void message.success('Đã ghi nhận cuộc họp; đầu vào đã được chốt.');
      onClose();
      refresh();
    },
    onError: (failure) => setError(applyServerErrors(form, failure)),
  });
  const submit = async () => {
    try {
      hold.mutate(await form.validateFields());
    } catch {
      // The fields show their messages.
    }
  };
  const required = (what: string) => [
    { required: true, whitespace: true, message: `Nhập kết luận về ${what}.` },
  ];
  return (
    <Modal
      open={open}
      title="Họp xem xét: kết luận của lãnh đạo"
      okText="Ghi nhận cuộc họp"
      cancelText="Hủy"
      confirmLoading={hold.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Typography.Paragraph>
        Đầu vào được tổng hợp lần cuối và chốt lại; sau đó không thay đổi khi có dữ liệu mới.
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ presentIds: review.attendees.map((a) => a.id) }}>
        <Form.Item name="suitability" label="Sự phù hợp của hệ thống" rules={required('sự phù hợp')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="adequacy" label="Sự thỏa đáng" rules={required('sự thỏa đáng')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="effectiveness" label="Hiệu lực" rules={required('hiệu lực')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="presentIds" label="Người có mặt">
          <PeopleSelect multiple known={review.attendees} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ActionValues {
  kind: ReviewActionKind;
  description: string;
  ownerId: string;
  dueDate: Dayjs;
}

function AddActionModal({
  open,
  review,
  onClose,
  refresh,
}: {
  open: boolean;
  review: ManagementReview;
  onClose: () => void;
  refresh: () => void;
}) {
  const [form] = Form.useForm<ActionValues>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const add = useMutation({
    mutationFn: (v: ActionValues) =>
      call(
        api.POST('/api/v1/management-reviews/{id}/actions', {
          params: { path: { id: review.id } },
          body: {
            kind: v.kind,
            description: v.description,
            ownerId: v.ownerId,
            dueDate: toApiDate(v.dueDate) ?? '',
          },
        }),
      ),
    onSuccess: () => {
      void message.success('Đã thêm quyết định, hành động.');
      onClose();
      refresh();
    },
    onError: (failure) => setError(applyServerErrors(form, failure)),
  });
  const submit = async () => {
    try {
      add.mutate(await form.validateFields());
    } catch {
      // The fields show their messages.
    }
  };
  return (
    <Modal
      open={open}
      title="Thêm quyết định, hành động"
      okText="Thêm"
      cancelText="Hủy"
      confirmLoading={add.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      width={600}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="kind"
          label="Loại quyết định"
          rules={[{ required: true, message: 'Chọn loại quyết định.' }]}
        >
          <Select
            options={Object.entries(ACTION_KIND_LABELS).map(([value, label]) => ({
              value,
              label,
              title: label,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label="Nội dung"
          rules={[{ required: true, whitespace: true, message: 'Nhập nội dung quyết định, hành động.' }]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="ownerId"
          label="Người thực hiện"
          rules={[{ required: true, message: 'Chọn người thực hiện.' }]}
        >
          <PeopleSelect roles={['reviewer', 'approver', 'iso_secretary', 'auditor']} />
        </Form.Item>
        <Form.Item
          name="dueDate"
          label="Hạn hoàn thành"
          rules={[{ required: true, message: 'Chọn hạn hoàn thành.' }]}
        >
          <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DoneModal({
  action,
  review,
  onClose,
  refresh,
}: {
  action: ReviewAction | null;
  review: ManagementReview;
  onClose: () => void;
  refresh: () => void;
}) {
  const [form] = Form.useForm<{ note: string }>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const done = useMutation({
    mutationFn: (note: string) =>
      call(
        api.POST('/api/v1/management-reviews/{id}/actions/{actionId}/done', {
          params: { path: { id: review.id, actionId: action!.id }, header: ifMatch(action!.version) },
          body: { note },
        }),
      ),
    onSuccess: () => {
      void message.success('Đã báo cáo hoàn thành hành động.');
      onClose();
      refresh();
    },
    onError: (failure) => setError(applyServerErrors(form, failure)),
  });
  const submit = async () => {
    try {
      done.mutate((await form.validateFields()).note);
    } catch {
      // The field shows its message.
    }
  };
  return (
    <Modal
      open={action !== null}
      title="Báo cáo hoàn thành hành động"
      okText="Báo cáo hoàn thành"
      cancelText="Hủy"
      confirmLoading={done.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Typography.Paragraph>{action?.description}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="note"
          label="Kết quả thực hiện"
          rules={[
            {
              required: true,
              whitespace: true,
              min: 3,
              message: 'Nhập kết quả thực hiện (ít nhất 3 ký tự).',
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
