import {
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  FileExcelOutlined,
  PlusOutlined,
  StopOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { api, call, ifMatch } from '../../api/client';
import { P } from '../../auth/permissions';
import { useAuth, useCan } from '../../auth/use-auth';
import { formatDateTime } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import {
  AGGREGATION_LABELS,
  FREQUENCY_LABELS,
  formatNumber,
  periodLabel,
  targetText,
} from './objective-labels';
import type { ObjectiveDetail, ObjectiveMeasurement } from './objective-types';
import { ImportModal } from './ImportModal';
import { MeasurementModal } from './MeasurementModal';
import { ObjectiveChart } from './ObjectiveChart';
import { ObjectiveFormModal } from './ObjectiveFormModal';
import { ObjectiveStatusTag } from './ObjectiveStatusTag';

/** One objective: its facts and status, the chart of its figures against the target, the figures. */
export default function ObjectivePage() {
  const { id = '' } = useParams();
  const objective = useQuery({
    queryKey: ['objectives', 'detail', id],
    queryFn: () => call(api.GET('/api/v1/objectives/{id}', { params: { path: { id } } })),
  });
  return <QueryState query={objective}>{(data) => <ObjectiveView objective={data} />}</QueryState>;
}

const sectionTitle = (text: string) => (
  <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
    {text}
  </Typography.Title>
);

function ObjectiveView({ objective }: { objective: ObjectiveDetail }) {
  const { me } = useAuth();
  const mayManage = useCan(P.ObjectiveManage);
  const mayMeasureAny = useCan(P.ObjectiveMeasure);
  const mayRaise = useCan(P.NonconformityRaise);
  const active = objective.state === 'active';
  const mayMeasure = active && (mayManage || (mayMeasureAny && me?.orgUnitId === objective.ownerOrgUnitId));
  const [entering, setEntering] = useState(false);
  const [editingFigure, setEditingFigure] = useState<ObjectiveMeasurement | undefined>();
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();

  const raise = useMutation({
    mutationFn: (m: ObjectiveMeasurement) =>
      call(
        api.POST('/api/v1/objectives/{id}/measurements/{measurementId}/nonconformity', {
          params: { path: { id: objective.id, measurementId: m.id } },
        }),
      ),
    onSuccess: (m) => {
      void queryClient.invalidateQueries({ queryKey: ['objectives'] });
      void queryClient.invalidateQueries({ queryKey: ['capa'] });
      void message.success(`Đã lập phiếu sự không phù hợp số ${m.nonconformityNumber ?? ''}.`);
    },
    onError: (failure) => void modal.error({ title: 'Không lập được phiếu', content: errorMessage(failure) }),
  });

  const columns: ColumnsType<ObjectiveMeasurement> = [
    { title: 'Kỳ đo', dataIndex: 'period', render: (p: string) => periodLabel(p) },
    {
      title: `Giá trị (${objective.unit})`,
      dataIndex: 'value',
      render: (v: number, m) => (
        <Space>
          {formatNumber(v)}
          <span style={{ color: m.meetsTarget ? '#135200' : '#a8071a' }}>
            {m.meetsTarget ? <CheckOutlined /> : <CloseOutlined />}{' '}
            {m.meetsTarget ? 'Đạt chỉ tiêu' : 'Không đạt chỉ tiêu'}
          </span>
        </Space>
      ),
    },
    { title: 'Ghi chú', dataIndex: 'note', render: (n: string | null) => n ?? '' },
    {
      title: 'Hồ sơ trễ hạn',
      key: 'late',
      render: (_: unknown, m) =>
        m.nonconformityId ? (
          <Link to={`/nonconformities/${m.nonconformityId}`}>
            Sự không phù hợp số {m.nonconformityNumber}
          </Link>
        ) : m.lateDossiers > 0 ? (
          <Space wrap>
            <span>{m.lateDossiers} hồ sơ</span>
            {mayMeasure && mayRaise ? (
              <Button
                size="small"
                icon={<WarningOutlined />}
                loading={raise.isPending && raise.variables?.id === m.id}
                onClick={() => raise.mutate(m)}
              >
                Lập phiếu không phù hợp
              </Button>
            ) : null}
          </Space>
        ) : (
          ''
        ),
    },
    { title: 'Người nhập', dataIndex: 'enteredByName', render: (n: string | null) => n ?? '' },
    { title: 'Cập nhật', dataIndex: 'updatedAt', render: (d: string) => formatDateTime(d) },
    ...(mayMeasure
      ? [
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_: unknown, m: ObjectiveMeasurement) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditingFigure(m)}>
                Sửa
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={objective.statement}
        subtitle={`Mục tiêu chất lượng năm ${objective.year} — ${objective.ownerOrgUnitName ?? ''}`}
        extra={
          <>
            {mayMeasure ? (
              <>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEntering(true)}>
                  Nhập số liệu
                </Button>
                <Button icon={<FileExcelOutlined />} onClick={() => setImporting(true)}>
                  Nhập từ tệp CSV
                </Button>
              </>
            ) : null}
            {mayManage && active ? (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  Sửa mục tiêu
                </Button>
                <Button danger icon={<StopOutlined />} onClick={() => setWithdrawing(true)}>
                  Hủy bỏ mục tiêu
                </Button>
              </>
            ) : null}
          </>
        }
      />
      {!active ? (
        <Alert
          style={{ marginBottom: 16 }}
          type="warning"
          showIcon
          message={`Mục tiêu đã bị hủy bỏ: ${objective.withdrawnReason ?? ''}`}
        />
      ) : null}
      <Card title={sectionTitle('Thông tin')}>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label="Tình trạng">
            <ObjectiveStatusTag status={objective.status} testId="objective-status" />
          </Descriptions.Item>
          <Descriptions.Item label="Kết quả hiện tại">
            {objective.result === null
              ? 'Chưa có số liệu'
              : `${formatNumber(objective.result)} ${objective.unit} (${AGGREGATION_LABELS[objective.aggregation].toLowerCase()})`}
            {objective.projection !== null
              ? ` — ước tính cả năm ${formatNumber(objective.projection)} ${objective.unit}`
              : ''}
          </Descriptions.Item>
          <Descriptions.Item label="Chỉ số">{objective.kpiName}</Descriptions.Item>
          <Descriptions.Item label="Chỉ tiêu">{targetText(objective)}</Descriptions.Item>
          <Descriptions.Item label="Đơn vị chủ trì">{objective.ownerOrgUnitName ?? ''}</Descriptions.Item>
          <Descriptions.Item label="Tần suất đo">
            {FREQUENCY_LABELS[objective.frequency]} ({objective.measuredPeriods}/{objective.totalPeriods} kỳ
            có số liệu)
          </Descriptions.Item>
          <Descriptions.Item label="Trạng thái">{objective.stateLabel}</Descriptions.Item>
          <Descriptions.Item label="Cập nhật">{formatDateTime(objective.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card style={{ marginTop: 16 }} title={sectionTitle('Diễn biến so với chỉ tiêu')}>
        {objective.measurements.length ? (
          <ObjectiveChart objective={objective} />
        ) : (
          <Typography.Text type="secondary">Chưa có số liệu để vẽ biểu đồ.</Typography.Text>
        )}
      </Card>
      <Card style={{ marginTop: 16 }} title={sectionTitle('Số liệu các kỳ')}>
        <Table<ObjectiveMeasurement>
          rowKey="id"
          caption="Số liệu các kỳ đo"
          columns={columns}
          dataSource={objective.measurements}
          pagination={false}
          locale={{ emptyText: 'Chưa có số liệu nào.' }}
          scroll={{ x: 900 }}
        />
      </Card>
      <MeasurementModal open={entering} onClose={() => setEntering(false)} objective={objective} />
      <MeasurementModal
        open={Boolean(editingFigure)}
        onClose={() => setEditingFigure(undefined)}
        objective={objective}
        measurement={editingFigure}
      />
      <ImportModal open={importing} onClose={() => setImporting(false)} objective={objective} />
      <ObjectiveFormModal open={editing} onClose={() => setEditing(false)} objective={objective} />
      <WithdrawModal open={withdrawing} onClose={() => setWithdrawing(false)} objective={objective} />
    </>
  );
}

function WithdrawModal({
  open,
  onClose,
  objective,
}: {
  open: boolean;
  onClose: () => void;
  objective: ObjectiveDetail;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: (reason: string) =>
      call(
        api.POST('/api/v1/objectives/{id}/withdraw', {
          params: { path: { id: objective.id }, header: ifMatch(objective.version) },
          body: { reason },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['objectives'] });
      onClose();
    },
    onError: (failure) => setError(errorMessage(failure)),
  });
  return (
    <Modal
      open={open}
      title="Hủy bỏ mục tiêu chất lượng"
      okText="Hủy bỏ mục tiêu"
      okButtonProps={{ danger: true }}
      cancelText="Đóng"
      confirmLoading={withdraw.isPending}
      onCancel={onClose}
      onOk={() =>
        void form
          .validateFields()
          .then((v) => withdraw.mutate(v.reason))
          .catch(() => undefined)
      }
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="Lý do hủy bỏ"
          rules={[
            { required: true, whitespace: true, min: 3, message: 'Nêu lý do hủy bỏ (ít nhất 3 ký tự).' },
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
