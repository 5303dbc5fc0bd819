import { CheckOutlined, CloseOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { api, call, ifMatch } from '../../api/client';
import { openFile } from '../../api/files';
import { useAuth, useCan } from '../../auth/use-auth';
import { P } from '../../auth/permissions';
import { formatDateTime } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { SigningPasswordModal } from '../../ui/SigningPasswordModal';
import { DisposalRecords } from './DisposalRecords';
import { StatusTag } from './StatusTag';
import { DISPOSAL_STATE_COLORS, DISPOSAL_STATE_LABELS } from './labels';
import { RejectDisposalModal } from './RejectDisposalModal';
import type { Disposal } from './types';

/** One disposal batch: its records, approval by signature or rejection, and the minutes PDF. */
export default function DisposalDetailPage() {
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: ['records', 'disposal', id],
    queryFn: () => call(api.GET('/api/v1/disposals/{id}', { params: { path: { id } } })),
  });
  return <QueryState query={query}>{(disposal) => <DisposalView disposal={disposal} />}</QueryState>;
}

function DisposalView({ disposal }: { disposal: Disposal }) {
  const { message } = App.useApp();
  const { me } = useAuth();
  const queryClient = useQueryClient();
  const canApprove = useCan(P.DisposalApprove);
  const canReadMinutes = useCan(P.DisposalMinutesRead);
  const [signing, setSigning] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [opening, setOpening] = useState(false);
  const decided = async (next: Disposal, text: string) => {
    message.success(text);
    queryClient.setQueryData(['records', 'disposal', disposal.id], next);
    await queryClient.invalidateQueries({ queryKey: ['records'] });
  };
  const approve = (password: string) =>
    call(
      api.POST('/api/v1/disposals/{id}/approve', {
        params: { path: { id: disposal.id }, header: ifMatch(disposal.version) },
        body: { password },
      }),
    ).then((next) => decided(next, `Đã phê duyệt hủy hồ sơ theo biên bản số ${disposal.numberLabel}.`));
  const reject = (reason: string) =>
    call(
      api.POST('/api/v1/disposals/{id}/reject', {
        params: { path: { id: disposal.id }, header: ifMatch(disposal.version) },
        body: { reason },
      }),
    ).then((next) => decided(next, 'Đã từ chối đề nghị hủy.'));
  const openMinutes = async () => {
    setOpening(true);
    try {
      await openFile(`/api/v1/disposals/${disposal.id}/minutes`);
    } catch (failure) {
      message.error(errorMessage(failure));
    } finally {
      setOpening(false);
    }
  };
  const mayDecide = canApprove && disposal.state === 'proposed' && disposal.proposedBy !== me?.id;
  const signed = disposal.state === 'approved' || disposal.state === 'completed';
  const signature = disposal.signature;
  return (
    <>
      <PageHeader
        title={`Đợt hủy hồ sơ số ${disposal.numberLabel}`}
        subtitle={`${disposal.recordCount} hồ sơ`}
        extra={
          <>
            {mayDecide ? (
              <>
                <Button type="primary" icon={<CheckOutlined />} onClick={() => setSigning(true)}>
                  Phê duyệt hủy
                </Button>
                <Button danger icon={<CloseOutlined />} onClick={() => setRejecting(true)}>
                  Từ chối
                </Button>
              </>
            ) : null}
            {signed && canReadMinutes ? (
              <Button icon={<FilePdfOutlined />} loading={opening} onClick={() => void openMinutes()}>
                Biên bản hủy (PDF)
              </Button>
            ) : null}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'state',
              label: 'Trạng thái',
              children: (
                <StatusTag tone={DISPOSAL_STATE_COLORS[disposal.state]}>
                  {DISPOSAL_STATE_LABELS[disposal.state]}
                </StatusTag>
              ),
            },
            {
              key: 'proposer',
              label: 'Người đề nghị',
              children: [disposal.proposerName, disposal.proposerPosition].filter(Boolean).join(', '),
            },
            { key: 'proposedAt', label: 'Đề nghị lúc', children: formatDateTime(disposal.proposedAt) },
            { key: 'note', label: 'Ghi chú', children: disposal.note ?? 'Không có' },
            ...(signature
              ? [
                  {
                    key: 'signer',
                    label: 'Người phê duyệt',
                    children: [signature.signerName, signature.signerPosition].filter(Boolean).join(', '),
                  },
                  { key: 'signedAt', label: 'Ký lúc', children: formatDateTime(signature.signedAt) },
                ]
              : []),
            ...(disposal.completedAt
              ? [
                  {
                    key: 'completed',
                    label: 'Đã xóa xong tệp lúc',
                    children: formatDateTime(disposal.completedAt),
                  },
                ]
              : []),
            ...(disposal.state === 'rejected'
              ? [
                  { key: 'rejectedAt', label: 'Từ chối lúc', children: formatDateTime(disposal.rejectedAt) },
                  { key: 'reason', label: 'Lý do từ chối', children: disposal.rejectionReason ?? '' },
                ]
              : []),
          ]}
        />
        {signature && signature.contentVerified === false ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            message="Nội dung đợt hủy không còn khớp với nội dung đã ký."
          />
        ) : null}
        {disposal.state === 'approved' ? (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            message="Đã phê duyệt; hệ thống đang xóa các tệp của hồ sơ trong đợt hủy."
          />
        ) : null}
      </Card>
      <Card>
        <DisposalRecords recordIds={disposal.recordIds ?? []} />
      </Card>
      <SigningPasswordModal
        open={signing}
        title="Phê duyệt hủy hồ sơ"
        meaning={`Phê duyệt hủy ${disposal.recordCount} hồ sơ theo biên bản số ${disposal.numberLabel}. Các tệp của hồ sơ sẽ bị xóa.`}
        onSign={approve}
        onClose={() => setSigning(false)}
      />
      <RejectDisposalModal open={rejecting} onReject={reject} onClose={() => setRejecting(false)} />
    </>
  );
}
