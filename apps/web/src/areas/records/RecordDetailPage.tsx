import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { api, call, ifMatch } from '../../api/client';
import { Can } from '../../auth/Can';
import { P } from '../../auth/permissions';
import { formatDate, formatDateTime } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { HoldModal } from './HoldModal';
import { RecordFiles } from './RecordFiles';
import { RecordStateTag } from './RecordStateTag';
import type { RecordItem } from './types';
import { AppLink } from '../../ui/AppLink';

/** One record: its metadata, retention, files, hold and disposal trail. */
export default function RecordDetailPage() {
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: ['records', 'detail', id],
    queryFn: () => call(api.GET('/api/v1/records/{id}', { params: { path: { id } } })),
  });
  return <QueryState query={query}>{(record) => <RecordView record={record} />}</QueryState>;
}

function RecordView({ record }: { record: RecordItem }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [holding, setHolding] = useState(false);
  const refresh = (next: RecordItem) => {
    queryClient.setQueryData(['records', 'detail', record.id], (old: RecordItem | undefined) => ({
      ...next,
      files: next.files ?? old?.files,
    }));
    return queryClient.invalidateQueries({ queryKey: ['records'] });
  };
  const hold = (reason: string) =>
    call(
      api.POST('/api/v1/records/{id}/hold', {
        params: { path: { id: record.id }, header: ifMatch(record.version) },
        body: { reason },
      }),
    ).then(async (next) => {
      message.success('Đã phong tỏa hồ sơ.');
      await refresh(next);
    });
  const release = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/records/{id}/release', {
          params: { path: { id: record.id }, header: ifMatch(record.version) },
        }),
      ),
    onSuccess: async (next) => {
      message.success('Đã gỡ phong tỏa hồ sơ.');
      await refresh(next);
    },
    onError: (failure) => message.error(errorMessage(failure)),
  });
  const canHold = record.state !== 'disposed';
  return (
    <>
      <PageHeader
        title={record.title}
        subtitle={`${record.recordType.code} – ${record.recordType.name}`}
        extra={
          canHold ? (
            <Can permission={P.RecordHold}>
              {record.onHold ? (
                <Popconfirm
                  title="Gỡ phong tỏa hồ sơ này?"
                  okText="Gỡ phong tỏa"
                  cancelText="Hủy"
                  onConfirm={() => release.mutate()}
                >
                  <Button loading={release.isPending}>Gỡ phong tỏa</Button>
                </Popconfirm>
              ) : (
                <Button onClick={() => setHolding(true)}>Phong tỏa</Button>
              )}
            </Can>
          ) : null
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'state', label: 'Trạng thái', children: <RecordStateTag record={record} /> },
            { key: 'reference', label: 'Số, ký hiệu', children: record.reference ?? 'Không có' },
            { key: 'recordDate', label: 'Ngày hồ sơ', children: formatDate(record.recordDate) },
            {
              key: 'type',
              label: 'Loại hồ sơ',
              children: `${record.recordType.code} – ${record.recordType.name}`,
            },
            {
              key: 'retention',
              label: 'Thời hạn lưu trữ',
              children: record.permanent ? 'Vĩnh viễn' : record.retentionLabel,
            },
            {
              key: 'retentionEnd',
              label: 'Lưu trữ đến',
              children: record.permanent ? 'Lưu trữ vĩnh viễn' : formatDate(record.retentionEnd),
            },
            { key: 'tthc', label: 'Mã thủ tục hành chính', children: record.tthcCode ?? 'Không có' },
            { key: 'created', label: 'Lập lúc', children: formatDateTime(record.createdAt) },
            ...(record.hold
              ? [
                  {
                    key: 'hold',
                    label: 'Phong tỏa',
                    children: `Từ ${formatDateTime(record.hold.heldAt)}, lý do: ${record.hold.reason}`,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
          Tệp của hồ sơ
        </Typography.Title>
        <RecordFiles record={record} />
      </Card>
      <Card>
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
          Hủy hồ sơ
        </Typography.Title>
        {record.disposal ? (
          <Typography.Paragraph>
            Hồ sơ đã được hủy lúc {formatDateTime(record.disposal.disposedAt)} theo{' '}
            <AppLink to={`/disposals/${record.disposal.disposalId}`}>đợt hủy</AppLink>. Mã băm các tệp đã xóa:{' '}
            <Typography.Text code>{record.disposal.sha256}</Typography.Text>
          </Typography.Paragraph>
        ) : record.pendingDisposalId ? (
          <Typography.Paragraph>
            Hồ sơ thuộc một{' '}
            <AppLink to={`/disposals/${record.pendingDisposalId}`}>đợt hủy đang xử lý</AppLink>.
          </Typography.Paragraph>
        ) : (
          <Typography.Paragraph>
            {record.state === 'due_for_disposal'
              ? `Hồ sơ đã đến hạn hủy${record.dueAt ? ` từ ${formatDate(record.dueAt)}` : ''}, chưa thuộc đợt hủy nào.`
              : 'Hồ sơ chưa thuộc đợt hủy nào.'}
          </Typography.Paragraph>
        )}
      </Card>
      <HoldModal open={holding} onHold={hold} onClose={() => setHolding(false)} />
    </>
  );
}
