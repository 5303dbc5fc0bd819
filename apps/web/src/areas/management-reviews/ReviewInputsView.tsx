import { Card, Descriptions, Flex, Space, Table, Tag, Typography } from 'antd';
import { formatDate } from '../../ui/dates';
import type { ReviewInputs } from './review-types';
import { ACTION_KIND_LABELS } from './review-types';

const h2 = (text: string) => (
  <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
    {text}
  </Typography.Title>
);
const num = (value: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value);

/** A figure with its label, readable by tests through `data-testid`. */
function Figure({ label, value, testId }: { label: string; value: number | string; testId: string }) {
  return (
    <div style={{ minWidth: 150 }}>
      <div style={{ color: 'rgba(0, 0, 0, 0.68)' }}>{label}</div>
      <div style={{ fontSize: 22, fontWeight: 600 }} data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

const OBJECTIVE_STATUS_COLORS: Record<string, { color: string; background: string }> = {
  on_track: { color: '#135200', background: '#ecf8e4' },
  at_risk: { color: '#7a4100', background: '#fff4e0' },
  missed: { color: '#820014', background: '#fff0f0' },
  no_data: { color: '#333333', background: '#f2f2f2' },
};

/**
 * The compiled inputs (ISO 9001 9.3.2), one section each, as the leadership reads them before the
 * meeting: a) actions of the previous review, b) changes of documents and the policy in force,
 * c) objectives, d) internal audits, e) nonconformities and corrective actions, f) complaints and
 * late dossiers, g) risks and opportunities.
 */
export function ReviewInputsView({ inputs }: { inputs: ReviewInputs }) {
  const pa = inputs.previousActions;
  const dc = inputs.documentChanges;
  const nc = inputs.nonconformities;
  const risks = inputs.risks;
  const statusLabel = new Map(inputs.objectives.byStatus.map((s) => [s.key, s.label]));
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={h2('a) Tình trạng hành động từ lần xem xét trước')}>
        {pa.reviewNumber ? (
          <>
            <Flex gap={24} wrap style={{ marginBottom: 12 }}>
              <Figure
                label={`Hành động của kỳ ${pa.reviewNumber}`}
                value={pa.total}
                testId="previous-total"
              />
              <Figure label="Đã hoàn thành" value={pa.done} testId="previous-done" />
              <Figure label="Đang thực hiện" value={pa.open} testId="previous-open" />
              <Figure label="Quá hạn" value={pa.overdue} testId="previous-overdue" />
            </Flex>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={pa.items}
              columns={[
                {
                  title: 'Loại',
                  dataIndex: 'kind',
                  render: (k: keyof typeof ACTION_KIND_LABELS) => ACTION_KIND_LABELS[k],
                },
                { title: 'Nội dung', dataIndex: 'description' },
                { title: 'Người thực hiện', dataIndex: 'ownerName' },
                { title: 'Hạn', dataIndex: 'dueDate', render: (d: string) => formatDate(d) },
                {
                  title: 'Tình trạng',
                  key: 'state',
                  render: (_: unknown, a) =>
                    a.doneOn
                      ? `Hoàn thành ${formatDate(a.doneOn)}`
                      : a.overdue
                        ? 'Quá hạn'
                        : 'Đang thực hiện',
                },
              ]}
            />
          </>
        ) : (
          <Typography.Text>
            Đây là lần xem xét đầu tiên: không có hành động từ lần xem xét trước.
          </Typography.Text>
        )}
      </Card>

      <Card title={h2('b) Thay đổi của tài liệu, chính sách chất lượng')}>
        <Flex gap={24} wrap style={{ marginBottom: 12 }}>
          <Figure label="Tài liệu ban hành có hiệu lực" value={dc.issuedCount} testId="documents-issued" />
          <Figure label="Tài liệu bị hủy bỏ" value={dc.withdrawnCount} testId="documents-withdrawn" />
        </Flex>
        <Table
          rowKey={(v) => `${v.documentId}-${v.issueNumber ?? 0}`}
          size="small"
          pagination={false}
          dataSource={dc.issued}
          locale={{ emptyText: 'Không có tài liệu nào được ban hành trong kỳ.' }}
          columns={[
            { title: 'Mã', dataIndex: 'code', width: 100 },
            { title: 'Tên tài liệu', dataIndex: 'title' },
            { title: 'Loại', dataIndex: 'typeLabel' },
            { title: 'Lần ban hành', dataIndex: 'versionLabel' },
            { title: 'Hiệu lực từ', dataIndex: 'effectiveFrom', render: (d: string) => formatDate(d) },
          ]}
        />
        {dc.withdrawn.length ? (
          <Typography.Paragraph style={{ marginTop: 12 }}>
            Hủy bỏ:{' '}
            {dc.withdrawn.map((d) => `${d.code} — ${d.title} (${formatDate(d.withdrawnOn)})`).join('; ')}
          </Typography.Paragraph>
        ) : null}
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid="quality-policy">
          {inputs.qualityPolicy
            ? `Chính sách chất lượng đang hiệu lực cuối kỳ: ${inputs.qualityPolicy.code} — ${inputs.qualityPolicy.title} (${inputs.qualityPolicy.versionLabel}, hiệu lực từ ${formatDate(inputs.qualityPolicy.effectiveFrom)}).`
            : 'Chưa có chính sách chất lượng đang hiệu lực vào cuối kỳ.'}
        </Typography.Paragraph>
      </Card>

      <Card title={h2('c) Mức độ đạt được các mục tiêu chất lượng')}>
        <Flex gap={24} wrap style={{ marginBottom: 12 }}>
          <Figure label="Tổng số mục tiêu" value={inputs.objectives.total} testId="objectives-total" />
          {inputs.objectives.byStatus.map((s) => (
            <Figure key={s.key} label={s.label} value={s.count} testId={`objectives-${s.key}`} />
          ))}
        </Flex>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={inputs.objectives.items}
          locale={{ emptyText: 'Không có mục tiêu chất lượng nào trong kỳ.' }}
          columns={[
            { title: 'Mục tiêu', dataIndex: 'statement' },
            { title: 'Đơn vị chủ trì', dataIndex: 'ownerOrgUnitName' },
            {
              title: 'Chỉ tiêu',
              key: 'target',
              render: (_: unknown, o) =>
                `${o.direction === 'at_least' ? '≥' : '≤'} ${num(o.target)}${o.unit}`,
            },
            {
              title: 'Kết quả',
              key: 'result',
              render: (_: unknown, o) =>
                o.result === null ? 'Chưa có số liệu' : `${num(o.result)}${o.unit}`,
            },
            {
              title: 'Đánh giá',
              dataIndex: 'status',
              render: (status: string) => (
                <Tag style={{ ...OBJECTIVE_STATUS_COLORS[status], borderColor: 'transparent' }}>
                  {statusLabel.get(status as never) ?? status}
                </Tag>
              ),
            },
          ]}
        />
      </Card>

      <Card title={h2('d) Kết quả đánh giá nội bộ')}>
        <Flex gap={24} wrap style={{ marginBottom: 12 }}>
          <Figure label="Cuộc đánh giá đã báo cáo" value={inputs.audits.total} testId="audits-total" />
          <Figure label="Không phù hợp nặng" value={inputs.audits.findings.major_nc} testId="audits-major" />
          <Figure label="Không phù hợp nhẹ" value={inputs.audits.findings.minor_nc} testId="audits-minor" />
          <Figure
            label="Điểm cần lưu ý"
            value={inputs.audits.findings.observation}
            testId="audits-observation"
          />
          <Figure label="Cơ hội cải tiến" value={inputs.audits.findings.ofi} testId="audits-ofi" />
        </Flex>
        <Table
          rowKey="auditId"
          size="small"
          pagination={false}
          dataSource={inputs.audits.items}
          locale={{ emptyText: 'Không có cuộc đánh giá nào được báo cáo trong kỳ.' }}
          columns={[
            { title: 'Số', dataIndex: 'number', width: 90 },
            { title: 'Cuộc đánh giá', dataIndex: 'title' },
            { title: 'Trưởng đoàn', dataIndex: 'leadAuditorName' },
            { title: 'Ngày báo cáo', dataIndex: 'reportedOn', render: (d: string) => formatDate(d) },
          ]}
        />
      </Card>

      <Card title={h2('e) Sự không phù hợp và hành động khắc phục')}>
        <Flex gap={24} wrap style={{ marginBottom: 12 }}>
          <Figure label="Sự không phù hợp trong kỳ" value={nc.total} testId="nc-total" />
          <Figure label="Đã kết thúc" value={nc.closed} testId="nc-closed" />
          <Figure label="Hành động quá hạn" value={nc.overdueActions} testId="nc-overdue" />
          <Figure
            label="Thời gian xử lý bình quân (ngày)"
            value={nc.meanDaysToClose === null ? '—' : num(nc.meanDaysToClose)}
            testId="nc-mean-days"
          />
        </Flex>
        <Descriptions size="small" column={1} bordered title="Theo nguồn">
          {nc.bySource.map((s) => (
            <Descriptions.Item key={s.key} label={s.label}>
              {s.count}
            </Descriptions.Item>
          ))}
        </Descriptions>
        <Table
          style={{ marginTop: 12 }}
          rowKey={(c) => `${c.clauseEdition ?? ''}-${c.clause ?? ''}`}
          size="small"
          pagination={false}
          dataSource={nc.byClause}
          locale={{ emptyText: 'Không có sự không phù hợp nào.' }}
          columns={[
            { title: 'Điều khoản', dataIndex: 'clause', render: (c: string | null) => c ?? 'Không xác định' },
            { title: 'Tên điều khoản', dataIndex: 'title' },
            { title: 'Số lượng', dataIndex: 'count', width: 100 },
          ]}
        />
      </Card>

      <Card title={h2('f) Phản ánh, kiến nghị và kết quả giải quyết thủ tục hành chính')}>
        <Flex gap={24} wrap style={{ marginBottom: 12 }}>
          <Figure label="Phản ánh, kiến nghị" value={inputs.complaints.total} testId="complaints-total" />
          <Figure label="Hồ sơ TTHC trễ hạn" value={inputs.lateDossiers.count} testId="late-dossiers" />
        </Flex>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={inputs.complaints.items}
          locale={{ emptyText: 'Không có phản ánh, kiến nghị nào trong kỳ.' }}
          columns={[
            { title: 'Số', dataIndex: 'number', width: 90 },
            { title: 'Ngày', dataIndex: 'detectedOn', width: 110, render: (d: string) => formatDate(d) },
            { title: 'Nội dung', dataIndex: 'title' },
            { title: 'Trạng thái', dataIndex: 'stateLabel', width: 130 },
          ]}
        />
      </Card>

      <Card title={h2('g) Rủi ro và cơ hội')}>
        <Flex gap={24} wrap style={{ marginBottom: 12 }}>
          <Figure label="Đang mở cuối kỳ" value={risks.open.total} testId="risks-open" />
          <Figure label="Mức cao" value={risks.open.byLevel.high} testId="risks-high" />
          <Figure label="Mức trung bình" value={risks.open.byLevel.medium} testId="risks-medium" />
          <Figure label="Mức thấp" value={risks.open.byLevel.low} testId="risks-low" />
          <Figure label="Phát sinh trong kỳ" value={risks.raised} testId="risks-raised" />
          <Figure label="Đã đóng trong kỳ" value={risks.closed} testId="risks-closed" />
          <Figure label="Lần đánh giá lại" value={risks.reassessments.length} testId="risks-reassessed" />
        </Flex>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={risks.high}
          locale={{ emptyText: 'Không có rủi ro mức cao đang mở.' }}
          columns={[
            { title: 'Mã', dataIndex: 'code', width: 90 },
            { title: 'Rủi ro, cơ hội mức cao', dataIndex: 'description' },
            { title: 'Điểm', dataIndex: 'score', width: 70 },
            { title: 'Đơn vị', dataIndex: 'ownerOrgUnitName' },
            { title: 'Biện pháp xử lý', dataIndex: 'treatment' },
          ]}
        />
      </Card>
      <div style={{ color: 'rgba(0, 0, 0, 0.68)' }}>
        Số liệu tính đến ngày {formatDate(inputs.asOf)}; kỳ {formatDate(inputs.from)} –{' '}
        {formatDate(inputs.to)}.
      </div>
    </Space>
  );
}
