import { CheckOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Segmented, Space, Table, Typography, theme } from 'antd';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { UNREAD_QUERY_KEY } from '../../app/AppLayout';
import { formatDateTime } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedQuery } from '../../ui/use-paged-query';

type Notification = components['schemas']['NotificationResponse'];

/** The user's inbox: newest first, unread filter; opening one marks it read and goes to its link. */
export default function NotificationsPage() {
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { query, filters, setFilter, pagination } = usePagedQuery(
    ['notifications', 'inbox'],
    ['unread'],
    (q) =>
      call(
        api.GET('/api/v1/notifications', {
          params: { query: { page: q.page, pageSize: q.pageSize, unreadOnly: q.unread === 'true' } },
        }),
      ),
  );
  // The bell's query (same key and answer as the header), for the count above the list.
  const unread = useQuery({
    queryKey: UNREAD_QUERY_KEY,
    queryFn: () => call(api.GET('/api/v1/notifications', { params: { query: { page: 1, pageSize: 1 } } })),
  });
  const markRead = useMutation({
    mutationFn: (n: Notification) =>
      call(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id: n.id } } })),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: UNREAD_QUERY_KEY }),
        queryClient.invalidateQueries({ queryKey: ['notifications', 'inbox'] }),
        queryClient.invalidateQueries({ queryKey: ['home', 'notifications'] }),
      ]);
    },
  });
  const open = async (n: Notification) => {
    try {
      if (!n.readAt) await markRead.mutateAsync(n);
      if (n.link) await navigate(n.link);
    } catch (failure) {
      void message.error(errorMessage(failure));
    }
  };

  return (
    <>
      <PageHeader
        title="Thông báo"
        subtitle={
          unread.data ? `${unread.data.unread.toLocaleString('vi-VN')} thông báo chưa đọc` : undefined
        }
      />
      <Space style={{ marginBottom: 16 }}>
        <span id="notification-filter-label">Hiển thị:</span>
        <Segmented
          aria-labelledby="notification-filter-label"
          value={filters.unread === 'true' ? 'unread' : 'all'}
          onChange={(value) => setFilter('unread', value === 'unread' ? 'true' : undefined)}
          options={[
            { value: 'all', label: 'Tất cả' },
            { value: 'unread', label: 'Chưa đọc' },
          ]}
        />
      </Space>
      {query.error ? (
        <Alert type="error" showIcon message={errorMessage(query.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Table<Notification>
        rowKey="id"
        caption="Hộp thư thông báo"
        loading={query.isFetching}
        dataSource={query.data?.items}
        pagination={pagination}
        locale={{
          emptyText: filters.unread === 'true' ? 'Không có thông báo chưa đọc.' : 'Chưa có thông báo nào.',
        }}
        columns={[
          {
            title: 'Tình trạng',
            key: 'state',
            width: 110,
            render: (_, n) =>
              n.readAt ? (
                <Badge status="default" text="Đã đọc" />
              ) : (
                <Badge status="processing" text="Chưa đọc" />
              ),
          },
          {
            title: 'Thông báo',
            key: 'title',
            render: (_, n) => (
              <Space direction="vertical" size={0}>
                <Button
                  type="link"
                  style={{
                    color: token.colorPrimary,
                    padding: 0,
                    height: 'auto',
                    fontWeight: n.readAt ? 400 : 600,
                    whiteSpace: 'normal',
                    textAlign: 'left',
                  }}
                  onClick={() => void open(n)}
                >
                  {n.title}
                </Button>
                <Typography.Text type="secondary">{n.body}</Typography.Text>
              </Space>
            ),
          },
          { title: 'Thời điểm', dataIndex: 'createdAt', width: 150, render: formatDateTime },
          {
            title: 'Thao tác',
            key: 'actions',
            width: 170,
            render: (_, n) =>
              n.readAt ? null : (
                <Button
                  size="small"
                  icon={<CheckOutlined />}
                  loading={markRead.isPending && markRead.variables?.id === n.id}
                  onClick={() =>
                    markRead.mutate(n, { onError: (failure) => void message.error(errorMessage(failure)) })
                  }
                >
                  Đánh dấu đã đọc
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}
