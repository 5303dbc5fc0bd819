import { Col, Row } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { api, call } from '../../api/client';
import type { paths } from '../../api/schema';
import { UNREAD_QUERY_KEY } from '../../app/AppLayout';
import { P } from '../../auth/permissions';
import { useAuth } from '../../auth/use-auth';
import { PageHeader } from '../../ui/PageHeader';
import { CountCard } from './CountCard';

type DocumentQuery = Omit<
  NonNullable<paths['/api/v1/documents']['get']['parameters']['query']>,
  'page' | 'pageSize'
>;

const documentCount = (query: DocumentQuery) => () =>
  call(api.GET('/api/v1/documents', { params: { query: { ...query, page: 1, pageSize: 1 } } })).then(
    (page) => page.total,
  );

const correctiveCount = (query: { overdue?: boolean; state?: 'closed' }) => () =>
  call(api.GET('/api/v1/corrective-actions', { params: { query: { ...query, page: 1, pageSize: 1 } } })).then(
    (page) => page.total,
  );

/** The first screen after login: what waits for the user, by what their roles let them do. */
export default function HomePage() {
  const { me, can } = useAuth();
  const queryClient = useQueryClient();
  // The bell's count failed while a temporary password had to be changed first (the API refuses
  // every other route then); home is where the user lands after changing it: ask again.
  useEffect(() => {
    if (queryClient.getQueryState(UNREAD_QUERY_KEY)?.status === 'error') {
      void queryClient.invalidateQueries({ queryKey: UNREAD_QUERY_KEY });
    }
  }, [queryClient]);
  const cards: { key: string; card: ReactNode }[] = [];
  const add = (key: string, card: ReactNode) => cards.push({ key, card });

  if (can(P.DocumentApprove)) {
    add(
      'awaiting',
      <CountCard
        title="Tài liệu chờ phê duyệt"
        queryKey={['documents', 'awaiting_approval']}
        count={documentCount({ state: 'awaiting_approval' })}
        to="/documents/queue"
      />,
    );
  }
  if (can(P.DocumentReview)) {
    add(
      'in-review',
      <CountCard
        title="Dự thảo chờ xem xét"
        queryKey={['documents', 'in_review']}
        count={documentCount({ state: 'in_review' })}
        to="/documents/queue"
      />,
    );
  }
  if (can(P.DocumentDraft)) {
    add(
      'drafts',
      <CountCard
        title="Dự thảo đang soạn hoặc bị trả lại"
        queryKey={['documents', 'draft']}
        count={documentCount({ state: 'draft' })}
        to="/documents?state=draft"
      />,
    );
  }
  if (can(P.DocumentApprove) || can(P.DocumentIssue)) {
    add(
      'review-due',
      <CountCard
        title="Tài liệu đến hạn xem xét lại"
        hint="Đến hạn hoặc quá hạn trong 30 ngày tới."
        queryKey={['documents', 'review-due']}
        count={documentCount({ reviewDue: true })}
        to="/documents?reviewDue=true"
      />,
    );
  }
  if (can(P.DocumentApprove) || can(P.CorrectiveActionManage) || can(P.CorrectiveActionVerify)) {
    add(
      'capa-open',
      <CountCard
        title="Phiếu khắc phục chưa đóng"
        queryKey={['capa', 'open']}
        count={async () => (await correctiveCount({})()) - (await correctiveCount({ state: 'closed' })())}
        to="/corrective-actions"
      />,
    );
  }
  if (can(P.NonconformityRead)) {
    add(
      'capa-overdue',
      <CountCard
        title="Phiếu khắc phục có hành động quá hạn"
        queryKey={['capa', 'overdue']}
        count={correctiveCount({ overdue: true })}
        to="/corrective-actions?overdue=true"
      />,
    );
  }
  add(
    'unread',
    <CountCard
      title="Thông báo chưa đọc"
      queryKey={['notifications', 'unread']}
      count={() =>
        call(
          api.GET('/api/v1/notifications', { params: { query: { page: 1, pageSize: 1, unreadOnly: true } } }),
        ).then((page) => page.unread)
      }
      to="/notifications?unread=true"
      linkText="Xem thông báo"
    />,
  );

  return (
    <>
      <PageHeader title="Trang chủ" subtitle={me ? `Xin chào, ${me.fullName}` : undefined} />
      <p style={{ color: 'rgba(0, 0, 0, 0.68)' }}>Việc đang chờ bạn:</p>
      <Row gutter={[16, 16]}>
        {cards.map(({ key, card }) => (
          <Col key={key} xs={24} sm={12} lg={8}>
            {card}
          </Col>
        ))}
      </Row>
    </>
  );
}
