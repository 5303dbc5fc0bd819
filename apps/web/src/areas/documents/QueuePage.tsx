import { Button, Segmented, Table } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { P, type Permission } from '../../auth/permissions';
import { useAuth } from '../../auth/use-auth';
import { formatDateTime } from '../../ui/dates';
import { DocumentsTheme } from './DocumentsTheme';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { usePagedQuery } from '../../ui/use-paged-query';
import { StateTag } from './StateTag';
import { TYPE_LABELS, type DocumentType, type DocumentView, type VersionState } from './labels';

/** What waits for whom: the state a version is in when this role acts, and the act. */
const STEPS: { state: VersionState; permission: Permission; tab: string; action: string }[] = [
  { state: 'in_review', permission: P.DocumentReview, tab: 'Chờ xem xét', action: 'Xem xét' },
  { state: 'awaiting_approval', permission: P.DocumentApprove, tab: 'Chờ phê duyệt', action: 'Phê duyệt' },
  { state: 'approved', permission: P.DocumentIssue, tab: 'Chờ ban hành', action: 'Ban hành' },
];

/** "Chờ tôi xử lý": versions waiting for the user's review, approval or issue. */
export default function QueuePage() {
  const { can } = useAuth();
  const mine = STEPS.filter((s) => can(s.permission));
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const chosen = mine.find((s) => s.state === params.get('state')) ?? mine[0];
  const { query, pagination } = usePagedQuery(
    ['documents', 'queue', chosen?.state ?? 'none'],
    [] as const,
    ({ page, pageSize }) =>
      call(
        api.GET('/api/v1/documents', {
          params: { query: { page, pageSize, state: chosen?.state, sort: 'updatedAt:asc' } },
        }),
      ),
  );
  return (
    <DocumentsTheme>
      <>
        <PageHeader
          title="Chờ tôi xử lý"
          subtitle="Các dự thảo đang chờ bạn xem xét, phê duyệt hoặc ban hành"
        />
        {mine.length > 1 ? (
          <Segmented
            aria-label="Loại việc"
            style={{ marginBottom: 16 }}
            value={chosen?.state}
            options={mine.map((s) => ({ value: s.state, label: s.tab }))}
            onChange={(value) => setParams({ state: String(value) }, { replace: true })}
          />
        ) : null}
        <QueryState query={query}>
          {(data) => (
            <Table<DocumentView>
              rowKey="id"
              dataSource={data.items}
              pagination={pagination}
              loading={query.isFetching}
              locale={{ emptyText: 'Không có tài liệu nào đang chờ bạn.' }}
              columns={[
                {
                  title: 'Mã hiệu',
                  dataIndex: 'code',
                  render: (code: string, row) => <Link to={`/documents/${row.id}`}>{code}</Link>,
                },
                { title: 'Tên tài liệu', dataIndex: 'title' },
                { title: 'Loại', dataIndex: 'type', render: (type: DocumentType) => TYPE_LABELS[type] },
                { title: 'Lần sửa đổi', render: (_, row) => row.currentVersion?.revision ?? '' },
                {
                  title: 'Trạng thái',
                  render: (_, row) =>
                    row.currentVersion ? <StateTag state={row.currentVersion.state} /> : null,
                },
                {
                  title: 'Cập nhật',
                  dataIndex: 'updatedAt',
                  render: (value: string) => formatDateTime(value),
                },
                {
                  title: 'Việc cần làm',
                  render: (_, row) =>
                    row.currentVersion && chosen ? (
                      <Button
                        size="small"
                        type="primary"
                        aria-label={`${chosen.action} ${row.code}`}
                        onClick={() =>
                          void navigate(`/documents/${row.id}/versions/${row.currentVersion?.id}`)
                        }
                      >
                        {chosen.action}
                      </Button>
                    ) : null,
                },
              ]}
            />
          )}
        </QueryState>
      </>
    </DocumentsTheme>
  );
}
