import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { P } from '../../auth/permissions';
import { useCan } from '../../auth/use-auth';
import { formatDate, formatDateTime } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import type { Nonconformity } from './capa-types';
import { CaStateTag } from './CaStateTag';
import { CreateCorrectiveActionModal } from './CreateCorrectiveActionModal';
import { useOrgUnits } from '../../ui/org-units';
import { OverdueTag } from './OverdueTag';
import { ToneTag } from './ToneTag';
import { CapaTheme } from './CapaTheme';

/** One nonconformity: its facts, where it came from, and its corrective action. */
export default function NonconformityPage() {
  const { id = '' } = useParams();
  const nc = useQuery({
    queryKey: ['capa', 'nonconformities', id],
    queryFn: () => call(api.GET('/api/v1/nonconformities/{id}', { params: { path: { id } } })),
  });
  return <QueryState query={nc}>{(data) => <NonconformityView nc={data} />}</QueryState>;
}

function NonconformityView({ nc }: { nc: Nonconformity }) {
  const [creating, setCreating] = useState(false);
  const mayManage = useCan(P.CorrectiveActionManage);
  const units = useOrgUnits();
  const unit = units.data?.find((u) => u.id === nc.orgUnitId)?.name;
  const stateTag = (
    <ToneTag tone={nc.state === 'closed' ? 'success' : 'info'} testId="nc-state">
      {nc.stateLabel}
    </ToneTag>
  );
  return (
    <CapaTheme>
      <>
        <PageHeader
          title={`Sự không phù hợp số ${nc.number}`}
          subtitle={nc.title}
          extra={
            mayManage && !nc.correctiveActionId && nc.state === 'open' ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                Lập phiếu hành động khắc phục
              </Button>
            ) : undefined
          }
        />
        <Card
          title={
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              Thông tin
            </Typography.Title>
          }
        >
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label="Số">{nc.number}</Descriptions.Item>
            <Descriptions.Item label="Trạng thái">
              <Space>
                {stateTag}
                {nc.overdue ? <OverdueTag /> : null}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="Nguồn">{nc.sourceLabel}</Descriptions.Item>
            <Descriptions.Item label="Mức độ">{nc.severityLabel}</Descriptions.Item>
            <Descriptions.Item label="Điều khoản">
              {nc.clause
                ? `${nc.clause}${nc.clauseEdition ? ` (${nc.clauseEdition})` : ''}`
                : 'Không gắn điều khoản'}
            </Descriptions.Item>
            <Descriptions.Item label="Đơn vị">
              {unit ?? (nc.orgUnitId ? '' : 'Không gắn đơn vị')}
            </Descriptions.Item>
            <Descriptions.Item label="Ngày phát hiện">{formatDate(nc.detectedOn)}</Descriptions.Item>
            <Descriptions.Item label="Ngày kết thúc">{formatDateTime(nc.closedAt)}</Descriptions.Item>
            {nc.auditId ? (
              <Descriptions.Item label="Cuộc đánh giá" span={2}>
                <Link to={`/audits/${nc.auditId}`}>
                  Xem cuộc đánh giá nội bộ và phát hiện đã nêu sự không phù hợp này
                </Link>
              </Descriptions.Item>
            ) : null}
            {nc.complaintRef || nc.complainant ? (
              <Descriptions.Item label="Phản ánh, kiến nghị" span={2}>
                {[nc.complaintRef, nc.complainant].filter(Boolean).join(' — ')}
              </Descriptions.Item>
            ) : null}
            {nc.dossierNumber ? (
              <Descriptions.Item label="Hồ sơ TTHC" span={2}>
                {nc.daysLate == null
                  ? `${nc.dossierNumber} (mã TTHC ${nc.tthcCode ?? ''})`
                  : `Hồ sơ ${nc.dossierNumber} (mã TTHC ${nc.tthcCode ?? ''}), trễ hạn ${nc.daysLate} ngày`}
              </Descriptions.Item>
            ) : null}
            {nc.managementReviewRef ? (
              <Descriptions.Item label="Biên bản xem xét của lãnh đạo" span={2}>
                {nc.managementReviewRef}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label="Mô tả" span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {nc.description}
              </Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card
          style={{ marginTop: 16 }}
          title={
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              Hành động khắc phục
            </Typography.Title>
          }
        >
          {nc.correctiveActionId && nc.correctiveActionState ? (
            <Space>
              <Link to={`/corrective-actions/${nc.correctiveActionId}`}>
                Phiếu yêu cầu hành động khắc phục
              </Link>
              <CaStateTag
                state={nc.correctiveActionState}
                label={nc.correctiveActionStateLabel ?? undefined}
              />
            </Space>
          ) : (
            <Typography.Text type="secondary">Chưa lập phiếu yêu cầu hành động khắc phục.</Typography.Text>
          )}
        </Card>
        <CreateCorrectiveActionModal
          nonconformityId={nc.id}
          open={creating}
          onClose={() => setCreating(false)}
        />
      </>
    </CapaTheme>
  );
}
