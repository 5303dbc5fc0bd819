import { FilePdfOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { api, call, ifMatch } from '../../api/client';
import { openFile } from '../../api/files';
import { P } from '../../auth/permissions';
import { useCan } from '../../auth/use-auth';
import { formatDateTime } from '../../ui/dates';
import { QueryState } from '../../ui/QueryState';
import { SigningPasswordModal } from '../../ui/SigningPasswordModal';
import type { Audit } from './labels';
import { useAuditRole } from './use-audit';

/**
 * The audit report: the lead signs it with their password (each major or minor finding then
 * becomes a nonconformity), anyone reading the audit opens the PDF and checks the signature;
 * the lead or the ISO secretary closes the audit.
 */
export function ReportTab({ audit }: { audit: Audit }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { isLead, isSecretary } = useAuditRole(audit);
  const canConduct = useCan(P.AuditConduct);
  const canPlan = useCan(P.AuditPlan);
  const [form] = Form.useForm<{ conclusion: string }>();
  const [conclusion, setConclusion] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const [closing, setClosing] = useState(false);
  const [closeError, setCloseError] = useState<string | null>(null);
  const verification = useQuery({
    queryKey: ['audits', 'report', audit.id, audit.version],
    queryFn: () =>
      call(api.GET('/api/v1/audits/{id}/report/verification', { params: { path: { id: audit.id } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['audits'] });

  const sign = async (password: string) => {
    await call(
      api.POST('/api/v1/audits/{id}/report', {
        params: { path: { id: audit.id }, header: ifMatch(audit.version) },
        body: { conclusion: conclusion ?? '', password },
      }),
    );
    void message.success('Đã ký báo cáo đánh giá.');
    await refresh();
  };
  const openReport = async () => {
    setOpening(true);
    try {
      await openFile(`/api/v1/audits/${audit.id}/report`);
    } catch (failure) {
      void message.error(errorMessage(failure));
    } finally {
      setOpening(false);
    }
  };
  const close = async () => {
    setClosing(true);
    setCloseError(null);
    try {
      await call(
        api.POST('/api/v1/audits/{id}/close', {
          params: { path: { id: audit.id }, header: ifMatch(audit.version) },
        }),
      );
      void message.success('Đã kết thúc cuộc đánh giá.');
      await refresh();
    } catch (failure) {
      setCloseError(errorMessage(failure));
    } finally {
      setClosing(false);
    }
  };

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        Báo cáo đánh giá
      </Typography.Title>
      {audit.state === 'in_progress' && isLead && canConduct ? (
        <Form
          form={form}
          name="report"
          layout="vertical"
          style={{ maxWidth: 720, marginBottom: 16 }}
          onFinish={(values) => setConclusion(values.conclusion.trim())}
        >
          <Form.Item
            name="conclusion"
            label="Kết luận của đoàn đánh giá"
            rules={[{ required: true, whitespace: true, message: 'Nhập kết luận của đoàn đánh giá.' }]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            Ký báo cáo
          </Button>
        </Form>
      ) : null}
      <QueryState query={verification}>
        {(report) =>
          report.signature ? (
            <>
              <Descriptions bordered column={1} size="small" style={{ marginBottom: 16 }}>
                <Descriptions.Item label="Trạng thái">{report.stateLabel}</Descriptions.Item>
                <Descriptions.Item label="Người ký">
                  {report.signature.signerName}
                  {report.signature.signerPosition ? ` — ${report.signature.signerPosition}` : ''}
                </Descriptions.Item>
                <Descriptions.Item label="Thời điểm ký">
                  {formatDateTime(report.signature.signedAt)}
                </Descriptions.Item>
                <Descriptions.Item label="Kiểm tra chữ ký">
                  {report.signature.contentVerified === false ? (
                    <Tag color="red">Nội dung đã thay đổi sau khi ký</Tag>
                  ) : (
                    <Tag color="green">Nội dung khớp với chữ ký</Tag>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label="Mã băm (SHA-256)">
                  <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                    {report.signature.contentHash}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label="Kết luận">{report.conclusion}</Descriptions.Item>
              </Descriptions>
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                Sự không phù hợp đã ghi nhận
              </Typography.Title>
              <List
                size="small"
                bordered
                style={{ marginBottom: 16 }}
                locale={{ emptyText: <span style={{ color: '#595959' }}>Không có sự không phù hợp.</span> }}
                dataSource={report.nonconformities}
                renderItem={(nc) => (
                  <List.Item>
                    <Link to={`/nonconformities/${nc.id}`}>Sự không phù hợp số {nc.number}</Link>
                    <span>từ phát hiện {nc.findingNumber}</span>
                  </List.Item>
                )}
              />
              <Space wrap>
                <Button icon={<FilePdfOutlined />} loading={opening} onClick={() => void openReport()}>
                  Mở báo cáo PDF
                </Button>
                {audit.state === 'reported' && canPlan && (isLead || isSecretary) ? (
                  <Button danger loading={closing} onClick={() => void close()}>
                    Kết thúc cuộc đánh giá
                  </Button>
                ) : null}
              </Space>
              {closeError ? (
                <Alert type="error" showIcon role="alert" message={closeError} style={{ marginTop: 12 }} />
              ) : null}
            </>
          ) : (
            <Alert type="info" showIcon message="Báo cáo chưa được trưởng đoàn ký." />
          )
        }
      </QueryState>
      <SigningPasswordModal
        open={conclusion !== null}
        title="Ký báo cáo đánh giá nội bộ"
        meaning={`Trưởng đoàn ký báo cáo cuộc đánh giá số ${audit.number}. Mỗi phát hiện không phù hợp nặng, nhẹ sẽ thành một sự không phù hợp.`}
        onSign={sign}
        onClose={() => setConclusion(null)}
      />
    </>
  );
}
