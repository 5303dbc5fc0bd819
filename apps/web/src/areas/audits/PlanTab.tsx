import { Descriptions, Tag } from 'antd';
import { formatDate, formatDateTime } from '../../ui/dates';
import type { Audit } from './labels';

/** The audit plan as issued: scope, dates, team, aims. */
export function PlanTab({ audit }: { audit: Audit }) {
  return (
    <Descriptions bordered column={1} size="small">
      <Descriptions.Item label="Số">{audit.number}</Descriptions.Item>
      <Descriptions.Item label="Thời gian">
        Từ {formatDate(audit.startDate)} đến {formatDate(audit.endDate)}
      </Descriptions.Item>
      <Descriptions.Item label="Phòng, ban được đánh giá">
        {audit.orgUnits.map((u) => u.name).join(', ') || 'Không có'}
      </Descriptions.Item>
      <Descriptions.Item label={`Điều khoản (${audit.clauseEdition})`}>
        {audit.clauses.length
          ? audit.clauses.map((c) => (
              <Tag key={c.number}>{c.titleVi ? `${c.number} — ${c.titleVi}` : c.number}</Tag>
            ))
          : 'Không có'}
      </Descriptions.Item>
      <Descriptions.Item label="Quy trình giải quyết TTHC">
        {audit.procedures.map((p) => [p.code, p.title].filter(Boolean).join(' — ')).join('; ') || 'Không có'}
      </Descriptions.Item>
      <Descriptions.Item label="Trưởng đoàn đánh giá">{audit.leadAuditor.name}</Descriptions.Item>
      <Descriptions.Item label="Thành viên đoàn">
        {audit.team.map((t) => t.name).join(', ') || 'Không có'}
      </Descriptions.Item>
      <Descriptions.Item label="Mục tiêu">{audit.objectives}</Descriptions.Item>
      <Descriptions.Item label="Chuẩn mực">{audit.criteria}</Descriptions.Item>
      <Descriptions.Item label="Ban hành kế hoạch">
        {audit.planIssuedAt ? formatDateTime(audit.planIssuedAt) : 'Chưa ban hành'}
      </Descriptions.Item>
      {audit.startedAt ? (
        <Descriptions.Item label="Bắt đầu đánh giá">{formatDateTime(audit.startedAt)}</Descriptions.Item>
      ) : null}
      {audit.reportedAt ? (
        <Descriptions.Item label="Ký báo cáo">{formatDateTime(audit.reportedAt)}</Descriptions.Item>
      ) : null}
      {audit.closedAt ? (
        <Descriptions.Item label="Kết thúc">{formatDateTime(audit.closedAt)}</Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}
