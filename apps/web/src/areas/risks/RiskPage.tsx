import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { P } from '../../auth/permissions';
import { useAuth, useCan } from '../../auth/use-auth';
import { formatDate, formatDateTime } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { AssessRiskModal } from './AssessRiskModal';
import { EditRiskModal } from './EditRiskModal';
import { LevelTag } from './LevelTag';
import { ReasonModal } from './ReasonModal';
import type { RiskAssessment, RiskDetail } from './risk-types';
import { RisksTheme } from './RisksTheme';

/** One risk or opportunity: its facts, its history of assessments, closings and reopenings. */
export default function RiskPage() {
  const { id = '' } = useParams();
  const risk = useQuery({
    queryKey: ['risks', 'detail', id],
    queryFn: () => call(api.GET('/api/v1/risks/{id}', { params: { path: { id } } })),
  });
  return <QueryState query={risk}>{(data) => <RiskView risk={data} />}</QueryState>;
}

const sectionTitle = (text: string) => (
  <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
    {text}
  </Typography.Title>
);

function RiskView({ risk }: { risk: RiskDetail }) {
  const { me } = useAuth();
  const manageAny = useCan(P.RiskManageAgency);
  // The server decides (RISK_NOT_OWNER_UNIT); the buttons follow: a unit head, their unit's only.
  const mayManage = useCan(P.RiskManage) && (manageAny || me?.orgUnitId === risk.ownerOrgUnitId);
  const [dialog, setDialog] = useState<'assess' | 'edit' | 'close' | 'reopen' | null>(null);
  const open = risk.state === 'open';
  const history: ColumnsType<RiskAssessment> = [
    { title: 'Lần', dataIndex: 'position', width: 60, render: (p: number, a) => (a.initial ? 'Ban đầu' : p) },
    { title: 'Thời điểm', dataIndex: 'assessedAt', render: (t: string) => formatDateTime(t) },
    { title: 'Khả năng xảy ra', dataIndex: 'likelihood', width: 90 },
    { title: 'Mức độ ảnh hưởng', dataIndex: 'impact', width: 100 },
    { title: 'Điểm', dataIndex: 'score', width: 70 },
    { title: 'Mức', dataIndex: 'level', render: (_: unknown, a) => <LevelTag level={a.level} /> },
    { title: 'Biện pháp xử lý', dataIndex: 'treatment' },
    { title: 'Nhận xét', dataIndex: 'note', render: (n: string | null) => n ?? '' },
    { title: 'Ngày xem xét lại', dataIndex: 'reviewDate', render: (d: string) => formatDate(d) },
    { title: 'Người đánh giá', dataIndex: 'assessedByName', render: (n: string | null) => n ?? '' },
  ];
  return (
    <RisksTheme>
      <>
        <PageHeader
          title={`${risk.kindLabel} ${risk.code}`}
          subtitle={risk.description}
          extra={
            mayManage ? (
              open ? (
                <>
                  <Button type="primary" onClick={() => setDialog('assess')}>
                    Đánh giá lại
                  </Button>
                  <Button onClick={() => setDialog('edit')}>Sửa</Button>
                  <Button danger onClick={() => setDialog('close')}>
                    Đóng
                  </Button>
                </>
              ) : (
                <Button onClick={() => setDialog('reopen')}>Mở lại</Button>
              )
            ) : undefined
          }
        />
        <p>
          <Link to="/risks">Về danh sách rủi ro và cơ hội</Link>
        </p>
        <Card title={sectionTitle('Thông tin')}>
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label="Mã">{risk.code}</Descriptions.Item>
            <Descriptions.Item label="Trạng thái">
              <span data-testid="risk-state">{risk.stateLabel}</span>
            </Descriptions.Item>
            <Descriptions.Item label="Bối cảnh">
              {risk.contextLabel}
              {risk.contextNote ? `: ${risk.contextNote}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="Đơn vị chủ trì">{risk.ownerOrgUnitName ?? ''}</Descriptions.Item>
            <Descriptions.Item label="Người phụ trách">
              {risk.ownerUserName ?? 'Lãnh đạo đơn vị chủ trì'}
            </Descriptions.Item>
            <Descriptions.Item label="Khả năng xảy ra × mức độ ảnh hưởng">
              {risk.likelihood} × {risk.impact} = <strong data-testid="risk-score">{risk.score}</strong>
            </Descriptions.Item>
            <Descriptions.Item label="Mức">
              <LevelTag level={risk.level} testId="risk-level" />
            </Descriptions.Item>
            <Descriptions.Item label="Ngày xem xét lại">
              <Space size={4}>
                {formatDate(risk.reviewDate)}
                {risk.reviewOverdue ? (
                  <Tag style={{ color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' }}>
                    Quá hạn xem xét
                  </Tag>
                ) : null}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="Biện pháp xử lý" span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {risk.treatment}
              </Typography.Paragraph>
            </Descriptions.Item>
            {risk.closeReason ? (
              <Descriptions.Item label="Lý do đóng" span={2}>
                {risk.closeReason} ({formatDateTime(risk.closedAt)})
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
        <Card style={{ marginTop: 16 }} title={sectionTitle('Lịch sử đánh giá')}>
          <Table<RiskAssessment>
            rowKey="id"
            caption="Các lần đánh giá, cũ nhất trước"
            columns={history}
            dataSource={risk.assessments}
            pagination={false}
            scroll={{ x: 1000 }}
          />
        </Card>
        {risk.stateChanges.length ? (
          <Card style={{ marginTop: 16 }} title={sectionTitle('Đóng và mở lại')}>
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {risk.stateChanges.map((c) => (
                <li key={c.id}>
                  {formatDateTime(c.changedAt)} — {c.toState === 'closed' ? 'Đóng' : 'Mở lại'}
                  {c.changedByName ? ` bởi ${c.changedByName}` : ''}: {c.reason}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <AssessRiskModal risk={risk} open={dialog === 'assess'} onClose={() => setDialog(null)} />
        <EditRiskModal risk={risk} open={dialog === 'edit'} onClose={() => setDialog(null)} />
        <ReasonModal
          risk={risk}
          action={open ? 'close' : 'reopen'}
          open={dialog === 'close' || dialog === 'reopen'}
          onClose={() => setDialog(null)}
        />
      </>
    </RisksTheme>
  );
}
