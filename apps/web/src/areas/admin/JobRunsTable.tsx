import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Table } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { formatDateTime } from '../../ui/dates';
import { QueryState } from '../../ui/QueryState';
import { JOB_STATE_LABELS, JOB_TRIGGER_LABELS, type JobRun, type ScheduledJob } from './labels';

/** How long a run took, in words. */
export function durationOf(run: Pick<JobRun, 'startedAt' | 'finishedAt'>): string {
  if (!run.startedAt || !run.finishedAt) return '';
  const ms = new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime();
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} giây` : `${Math.floor(seconds / 60)} phút ${seconds % 60} giây`;
}

/** The outcome of a run: its error, or what it processed. */
export function runMessage(run: JobRun): string {
  if (run.error) return run.error;
  if (run.summary) {
    return Object.entries(run.summary)
      .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
      .join(', ');
  }
  return '';
}

export function JobStateTag({ state }: { state: JobRun['state'] }) {
  const { label, status } = JOB_STATE_LABELS[state];
  return <Badge status={status} text={label} />;
}

/** The runs of one scheduled job, newest first. */
export function JobRunsTable({ job }: { job: ScheduledJob }) {
  const [page, setPage] = useState(1);
  const runs = useQuery({
    queryKey: ['admin', 'jobs', 'runs', job.job, page],
    queryFn: () =>
      call(
        api.GET('/api/v1/admin/jobs/{name}/runs', {
          params: { path: { name: job.job }, query: { page, pageSize: 10 } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <QueryState query={runs}>
      {(data) => (
        <Table<JobRun>
          size="small"
          rowKey="id"
          caption={`Các lượt chạy: ${job.label}`}
          dataSource={data.items}
          pagination={{
            current: page,
            pageSize: 10,
            total: data.total,
            onChange: setPage,
            showTotal: (total) => `Tổng số: ${total} lượt chạy`,
          }}
          locale={{ emptyText: 'Chưa có lượt chạy nào.' }}
          columns={[
            { title: 'Yêu cầu lúc', dataIndex: 'requestedAt', render: formatDateTime },
            {
              title: 'Cách chạy',
              dataIndex: 'trigger',
              render: (t: JobRun['trigger']) => JOB_TRIGGER_LABELS[t],
            },
            {
              title: 'Trạng thái',
              dataIndex: 'state',
              render: (s: JobRun['state']) => <JobStateTag state={s} />,
            },
            { title: 'Thời gian chạy', key: 'duration', render: (_, run) => durationOf(run) },
            {
              title: 'Người yêu cầu',
              key: 'by',
              render: (_, run) => run.requestedBy?.username ?? 'Hệ thống',
            },
            { title: 'Kết quả', key: 'message', render: (_, run) => runMessage(run) },
          ]}
        />
      )}
    </QueryState>
  );
}
