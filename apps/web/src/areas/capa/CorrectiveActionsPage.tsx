import { Alert, Card, Checkbox, Flex, Segmented, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { api, call } from '../../api/client';
import { formatDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedQuery } from '../../ui/use-paged-query';
import { CA_STATE_LABELS, CA_STATES } from './capa-labels';
import type { CorrectiveActionListItem, CorrectiveActionState } from './capa-types';
import { CaStateTag } from './CaStateTag';
import { OverdueTag } from './OverdueTag';
import { EmptyText } from './EmptyText';
import { CapaTheme } from './CapaTheme';

const FILTERS = ['state', 'overdue'] as const;

/** The board of corrective actions by state; `?overdue=true` shows only those with an overdue action. */
export default function CorrectiveActionsPage() {
  const { query, filters, setFilter, pagination } = usePagedQuery(
    ['capa', 'corrective-actions', 'board'],
    FILTERS,
    (q) =>
      call(
        api.GET('/api/v1/corrective-actions', {
          params: {
            query: {
              page: q.page,
              pageSize: q.pageSize,
              state: q.state as CorrectiveActionState | undefined,
              overdue: q.overdue === 'true' ? true : undefined,
            },
          },
        }),
      ),
  );
  const columns: ColumnsType<CorrectiveActionListItem> = [
    {
      title: 'Sự không phù hợp',
      key: 'nc',
      render: (_: unknown, ca) => (
        <Link to={`/corrective-actions/${ca.id}`}>
          {ca.nonconformity.number} — {ca.nonconformity.title}
        </Link>
      ),
    },
    {
      title: 'Trạng thái',
      dataIndex: 'state',
      render: (state: CorrectiveActionState, ca) => (
        <Space wrap size={4}>
          <CaStateTag state={state} label={ca.stateLabel} />
          {ca.actions.overdue > 0 ? <OverdueTag detail={`${ca.actions.overdue} hành động`} /> : null}
        </Space>
      ),
    },
    { title: 'Lần thực hiện', dataIndex: 'round', width: 110 },
    {
      title: 'Hành động đã xong',
      key: 'actions',
      render: (_: unknown, ca) => `${ca.actions.done}/${ca.actions.total}`,
    },
    { title: 'Hạn gần nhất', dataIndex: 'nextDueDate', render: (d: string | null) => formatDate(d) },
    {
      title: 'Hạn kiểm tra hiệu lực',
      dataIndex: 'verificationDue',
      render: (d: string | null) => formatDate(d),
    },
  ];
  return (
    <CapaTheme>
      <>
        <PageHeader title="Hành động khắc phục" subtitle="Bảng theo dõi theo trạng thái" />
        <Card>
          <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }}>
            <Segmented<string>
              aria-label="Lọc theo trạng thái"
              value={filters.state ?? 'all'}
              onChange={(v) => setFilter('state', v === 'all' ? undefined : v)}
              options={[
                { value: 'all', label: 'Tất cả' },
                ...CA_STATES.map((s) => ({ value: s, label: CA_STATE_LABELS[s] })),
              ]}
            />
            <Checkbox
              checked={filters.overdue === 'true'}
              onChange={(e) => setFilter('overdue', e.target.checked ? 'true' : undefined)}
            >
              Chỉ phiếu có hành động quá hạn
            </Checkbox>
          </Flex>
          {query.error ? (
            <Alert type="error" showIcon message={errorMessage(query.error)} style={{ marginBottom: 12 }} />
          ) : null}
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {filters.overdue === 'true' ? 'Phiếu có hành động quá hạn' : 'Danh sách phiếu'}
          </Typography.Title>
          <Table<CorrectiveActionListItem>
            rowKey="id"
            caption="Phiếu yêu cầu hành động khắc phục"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            pagination={pagination}
            locale={{ emptyText: <EmptyText>Không có phiếu nào.</EmptyText> }}
          />
        </Card>
      </>
    </CapaTheme>
  );
}
