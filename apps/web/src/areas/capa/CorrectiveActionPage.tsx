import {
  CheckCircleOutlined,
  EditOutlined,
  PlayCircleOutlined,
  PlusOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { api, call } from '../../api/client';
import { P } from '../../auth/permissions';
import { useAuth } from '../../auth/use-auth';
import { formatDate, formatDateTime } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { AddTaskModal } from './AddTaskModal';
import { AnalysisModal } from './AnalysisModal';
import type { CorrectiveAction, CorrectiveActionTask } from './capa-types';
import { CaStateTag } from './CaStateTag';
import { TaskDoneModal } from './TaskDoneModal';
import { TaskTable } from './TaskTable';
import { useCorrectiveAction } from './use-corrective-action';
import { VerificationModal } from './VerificationModal';
import type { KnownUser } from './UserSelect';
import { EmptyText } from './EmptyText';
import { ToneTag } from './ToneTag';
import { CapaTheme } from './CapaTheme';

const h2 = (text: string) => (
  <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
    {text}
  </Typography.Title>
);

/** One corrective action: analysis, plan, actions and evidence, effectiveness checks by round. */
export default function CorrectiveActionPage() {
  const { id = '' } = useParams();
  const { query, refresh } = useCorrectiveAction(id);
  return (
    <CapaTheme>
      <QueryState query={query}>
        {(ca) => <CorrectiveActionView ca={ca} refresh={() => void refresh()} />}
      </QueryState>
    </CapaTheme>
  );
}

type Dialog = 'analysis' | 'task' | 'verify' | null;

function CorrectiveActionView({ ca, refresh }: { ca: CorrectiveAction; refresh: () => void }) {
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [doneTask, setDoneTask] = useState<CorrectiveActionTask | null>(null);
  const mayManage = can(P.CorrectiveActionManage);
  const mayVerify = can(P.CorrectiveActionVerify) && ca.verifierId === me?.id;
  const known: KnownUser[] = [
    ...(ca.verifier ? [{ id: ca.verifier.id, fullName: ca.verifier.fullName }] : []),
    ...ca.actions.map((a) => ({ id: a.ownerId, fullName: a.ownerName ?? '' })),
  ];
  const step = useMutation({
    mutationFn: (which: 'plan' | 'start') =>
      which === 'plan'
        ? call(api.POST('/api/v1/corrective-actions/{id}/plan', { params: { path: { id: ca.id } } }))
        : call(api.POST('/api/v1/corrective-actions/{id}/start', { params: { path: { id: ca.id } } })),
    onSuccess: (result) => {
      void message.success(`Phiếu chuyển sang trạng thái "${result.stateLabel}".`);
      refresh();
    },
    onError: (failure) => {
      void message.error(errorMessage(failure));
      refresh();
    },
  });
  const nc = ca.nonconformity;
  const editable = ca.state === 'open' || ca.state === 'planned' || ca.state === 'in_progress';
  return (
    <>
      <PageHeader
        title={`Phiếu yêu cầu hành động khắc phục — sự không phù hợp số ${nc.number}`}
        subtitle={
          <Space>
            <span>Trạng thái:</span>
            <span data-testid="ca-state">
              <CaStateTag state={ca.state} label={ca.stateLabel} />
            </span>
            <span>{`Lần thực hiện ${ca.round}`}</span>
          </Space>
        }
        extra={
          <>
            {mayManage && ca.state === 'open' ? (
              <Button
                type="primary"
                icon={<ScheduleOutlined />}
                loading={step.isPending}
                onClick={() => step.mutate('plan')}
              >
                Hoàn thành kế hoạch
              </Button>
            ) : null}
            {mayManage && ca.state === 'planned' ? (
              <Button
                type="primary"
                icon={<PlayCircleOutlined />}
                loading={step.isPending}
                onClick={() => step.mutate('start')}
              >
                Bắt đầu thực hiện
              </Button>
            ) : null}
            {mayVerify && ca.state === 'verifying' ? (
              <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setDialog('verify')}>
                Kiểm tra hiệu lực
              </Button>
            ) : null}
          </>
        }
      />
      <Card title={h2('Sự không phù hợp')}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label="Số">
            <Link to={`/nonconformities/${nc.id}`}>{`${nc.number} — ${nc.title}`}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="Trạng thái">
            <ToneTag tone={nc.state === 'closed' ? 'success' : 'info'}>
              {nc.state === 'closed' ? 'Đã kết thúc' : 'Đang xử lý'}
            </ToneTag>
          </Descriptions.Item>
          <Descriptions.Item label="Nguồn">{nc.sourceLabel}</Descriptions.Item>
          <Descriptions.Item label="Mức độ">{nc.severityLabel}</Descriptions.Item>
          <Descriptions.Item label="Điều khoản">{nc.clause ?? ''}</Descriptions.Item>
          <Descriptions.Item label="Ngày phát hiện">{formatDate(nc.detectedOn)}</Descriptions.Item>
          <Descriptions.Item label="Mô tả" span={2}>
            {nc.description}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        style={{ marginTop: 16 }}
        title={h2('Phân tích nguyên nhân')}
        extra={
          mayManage && editable ? (
            <Button icon={<EditOutlined />} onClick={() => setDialog('analysis')}>
              Sửa phân tích, người kiểm tra
            </Button>
          ) : null
        }
      >
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="Khắc phục tức thời">{ca.correction ?? ''}</Descriptions.Item>
          <Descriptions.Item label="Nguyên nhân gốc rễ">
            {ca.rootCause ?? <Typography.Text type="secondary">Chưa xác định</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label="Phân tích 5 tại sao">
            {ca.whys.length ? (
              <ol style={{ margin: 0, paddingLeft: 20 }}>
                {ca.whys.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ol>
            ) : (
              ''
            )}
          </Descriptions.Item>
          <Descriptions.Item label="Người kiểm tra hiệu lực">
            {ca.verifier ? (
              `${ca.verifier.fullName}${ca.verifier.position ? ` (${ca.verifier.position})` : ''}`
            ) : (
              <Typography.Text type="secondary">Chưa phân công</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="Kiểm tra hiệu lực">
            {ca.verificationDue
              ? `Đến hạn ngày ${formatDate(ca.verificationDue)}`
              : `${ca.verificationDelayDays} ngày sau khi hoàn thành hành động cuối cùng`}
          </Descriptions.Item>
          {ca.closedAt ? (
            <Descriptions.Item label="Kết thúc lúc">{formatDateTime(ca.closedAt)}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>

      {ca.state !== 'closed' && ca.closeBlockers.length ? (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          message="Lý do chưa thể kết thúc phiếu"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="close-blockers">
              {ca.closeBlockers.map((b, i) => (
                <li key={i}>{b.message}</li>
              ))}
            </ul>
          }
        />
      ) : null}

      <Card
        style={{ marginTop: 16 }}
        title={h2('Hành động khắc phục')}
        extra={
          mayManage && editable ? (
            <Button icon={<PlusOutlined />} onClick={() => setDialog('task')}>
              Thêm hành động
            </Button>
          ) : null
        }
      >
        <TaskTable ca={ca} onDone={setDoneTask} onChanged={refresh} />
      </Card>

      <Card style={{ marginTop: 16 }} title={h2('Các lần kiểm tra hiệu lực')}>
        <Table
          rowKey="id"
          caption="Lịch sử kiểm tra hiệu lực theo lần thực hiện"
          pagination={false}
          dataSource={ca.verifications}
          locale={{ emptyText: <EmptyText>Chưa có lần kiểm tra nào.</EmptyText> }}
          columns={[
            { title: 'Lần', dataIndex: 'round', width: 60 },
            {
              title: 'Kết luận',
              dataIndex: 'effective',
              render: (effective: boolean) =>
                effective ? (
                  <ToneTag tone="success">Có hiệu lực</ToneTag>
                ) : (
                  <ToneTag tone="warning">Chưa có hiệu lực</ToneTag>
                ),
            },
            { title: 'Nhận xét', dataIndex: 'reason' },
            { title: 'Người kiểm tra', dataIndex: 'verifierName' },
            { title: 'Thời điểm', dataIndex: 'verifiedAt', render: (d: string) => formatDateTime(d) },
          ]}
        />
      </Card>

      <AnalysisModal
        ca={ca}
        known={known}
        open={dialog === 'analysis'}
        onClose={() => setDialog(null)}
        onSaved={refresh}
      />
      <AddTaskModal
        caId={ca.id}
        known={known}
        open={dialog === 'task'}
        onClose={() => setDialog(null)}
        onSaved={refresh}
      />
      <VerificationModal
        ca={ca}
        open={dialog === 'verify'}
        onClose={() => setDialog(null)}
        onSaved={refresh}
      />
      <TaskDoneModal caId={ca.id} task={doneTask} onClose={() => setDoneTask(null)} onSaved={refresh} />
    </>
  );
}
