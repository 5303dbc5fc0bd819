import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { api, call } from '../../api/client';

/** This year's counts (GET /nonconformities/summary) as small statistic cards. */
export function NonconformitySummaryCards() {
  const summary = useQuery({
    queryKey: ['capa', 'nonconformities', 'summary'],
    queryFn: () => call(api.GET('/api/v1/nonconformities/summary', { params: { query: {} } })),
  });
  const data = summary.data;
  const open = data?.byState.find((s) => s.key === 'open')?.count ?? 0;
  const cards: { title: string; value: number | string; danger?: boolean }[] = [
    { title: 'Tổng số trong năm', value: data?.total ?? 0 },
    { title: 'Đang xử lý', value: open },
    { title: 'Đã kết thúc', value: data?.closed ?? 0 },
    { title: 'Hành động quá hạn', value: data?.overdueActions ?? 0, danger: (data?.overdueActions ?? 0) > 0 },
    {
      title: 'Số ngày xử lý trung bình',
      value:
        data?.meanDaysToClose === null || data?.meanDaysToClose === undefined ? '—' : data.meanDaysToClose,
    },
  ];
  return (
    <section aria-label="Thống kê sự không phù hợp trong năm" style={{ marginBottom: 16 }}>
      <Row gutter={[12, 12]}>
        {cards.map((c) => (
          <Col key={c.title} xs={12} md={8} xl={4}>
            <Card size="small" loading={summary.isPending}>
              <Statistic
                title={c.title}
                value={c.value}
                valueStyle={c.danger ? { color: '#a8071a' } : undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </section>
  );
}
