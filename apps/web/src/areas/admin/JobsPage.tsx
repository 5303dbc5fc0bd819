import { PlayCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Table, Typography } from 'antd';
import { api, call } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { P } from '../../auth/permissions';
import { useCan } from '../../auth/use-auth';
import { formatDateTime } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { durationOf, JobRunsTable, JobStateTag, runMessage } from './JobRunsTable';
import type { ScheduledJob } from './labels';

/** The scheduled jobs: schedule, last run, "Chạy ngay", and each job's runs. */
export default function JobsPage() {
  const canRun = useCan(P.JobRun);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const jobs = useQuery({
    queryKey: ['admin', 'jobs', 'overview'],
    queryFn: () => call(api.GET('/api/v1/admin/jobs')),
  });
  const run = useMutation({
    mutationFn: (job: ScheduledJob) =>
      call(api.POST('/api/v1/admin/jobs/{name}/run', { params: { path: { name: job.job } } })),
    onSuccess: async (created) => {
      void message.success(`Đã đưa “${created.label}” vào hàng đợi.`);
      await queryClient.invalidateQueries({ queryKey: ['admin', 'jobs'] });
    },
    onError: (failure) => void message.error(errorMessage(failure)),
  });

  return (
    <>
      <PageHeader title="Công việc định kỳ" subtitle="Các công việc hệ thống tự chạy theo lịch." />
      <QueryState query={jobs}>
        {(data) => (
          <Table<ScheduledJob>
            rowKey="key"
            caption={`Công việc theo lịch (số lần thất bại trong ${data.failureDays} ngày gần nhất)`}
            dataSource={data.items}
            pagination={false}
            expandable={{
              expandedRowRender: (job) => <JobRunsTable job={job} />,
              expandIcon: undefined,
            }}
            columns={[
              {
                title: 'Công việc',
                dataIndex: 'label',
                render: (label: string, job) => (
                  <Space direction="vertical" size={0}>
                    <span>{label}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      Lịch: <code>{job.cron}</code> ({job.timeZone})
                    </Typography.Text>
                  </Space>
                ),
              },
              { title: 'Lần chạy tới', dataIndex: 'nextRunAt', render: formatDateTime },
              {
                title: 'Lần chạy gần nhất',
                key: 'last',
                render: (_, job) =>
                  job.lastRun ? (
                    <Space direction="vertical" size={0}>
                      <span>
                        <JobStateTag state={job.lastRun.state} /> {formatDateTime(job.lastRun.requestedAt)}
                      </span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[durationOf(job.lastRun), runMessage(job.lastRun)].filter(Boolean).join(' · ')}
                      </Typography.Text>
                    </Space>
                  ) : (
                    'Chưa chạy'
                  ),
              },
              { title: 'Thành công gần nhất', dataIndex: 'lastSuccessAt', render: formatDateTime },
              { title: 'Số lần thất bại', dataIndex: 'failures', width: 110 },
              ...(canRun
                ? [
                    {
                      title: 'Thao tác',
                      key: 'run',
                      render: (_: unknown, job: ScheduledJob) => (
                        <Button
                          icon={<PlayCircleOutlined />}
                          loading={run.isPending && run.variables?.key === job.key}
                          onClick={() => run.mutate(job)}
                          aria-label={`Chạy ngay: ${job.label}`}
                        >
                          Chạy ngay
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
