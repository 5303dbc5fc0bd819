import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { api, call } from '../../api/client';
import { saveFile } from '../../api/files';
import { formatDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { usePagedQuery, type Page } from '../../ui/use-paged-query';
import { LEVEL_LABELS, type OversightRow, type OversightSummary } from './oversight-types';

const RoadmapChart = lazy(() => import('./RoadmapChart').then((m) => ({ default: m.RoadmapChart })));

const FILTERS = ['level', 'roadmapYear', 'declared', 'onTrack', 'q', 'sort', 'order'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

const h2 = (text: string) => (
  <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
    {text}
  </Typography.Title>
);

/** The board's query string from the filters in the address (the export uses the same). */
function boardQuery(f: Filters) {
  return {
    level: f.level as never,
    roadmapYear: f.roadmapYear ? Number(f.roadmapYear) : undefined,
    declared: f.declared === undefined ? undefined : f.declared === 'true',
    onTrack: f.onTrack === undefined ? undefined : f.onTrack === 'true',
    q: f.q,
    sort: f.sort as never,
    order: f.order as 'asc' | 'desc' | undefined,
  };
}

function onTrackTag(value: boolean | null) {
  if (value === null) return <Tag>Ngoài lộ trình</Tag>;
  return (
    <Tag color={value ? 'success' : 'error'} style={{ color: 'rgba(0, 0, 0, 0.88)' }}>
      {value ? 'Đúng lộ trình' : 'Chậm lộ trình'}
    </Tag>
  );
}

/**
 * Sở KH&CN's province view: the counts by roadmap year and level (declared, on track, late) as a
 * chart and a table, every agency's row with its declaration and quality figures, filters kept in
 * the address, exports of the filtered rows, and the annual report.
 */
export default function OversightPage() {
  const { message } = App.useApp();
  const year = new Date().getFullYear();
  const [reportYear, setReportYear] = useState<number>(year);
  const summary = useQuery({
    queryKey: ['oversight', 'summary'],
    queryFn: () => call(api.GET('/api/v1/oversight/summary', { params: { query: {} } })),
  });
  const { query, filters, setFilter, pagination } = usePagedQuery(
    ['oversight', 'agencies'],
    FILTERS,
    (q) =>
      // JSON without `format` (the route's XLSX and PDF answers are for the export buttons).
      call(
        api.GET('/api/v1/oversight/agencies', {
          params: { query: { page: q.page, pageSize: q.pageSize, ...boardQuery(q) } },
        }),
      ) as Promise<Page<OversightRow>>,
    50,
  );
  const exportBoard = (format: 'xlsx' | 'pdf') => {
    const params = new URLSearchParams({ format });
    for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
    void saveFile(`/api/v1/oversight/agencies?${params.toString()}`, `tinh-hinh-htqlcl.${format}`).catch(
      (e: unknown) => message.error(errorMessage(e)),
    );
  };
  const columns: ColumnsType<OversightRow> = [
    { title: 'Cơ quan', dataIndex: 'name' },
    { title: 'Cấp', dataIndex: 'level', width: 160, render: (level: string) => LEVEL_LABELS[level] ?? level },
    { title: 'Năm lộ trình', dataIndex: 'roadmapYear', width: 100, align: 'center' },
    {
      title: 'Công bố',
      key: 'declaration',
      width: 170,
      render: (_: unknown, r) =>
        r.declaration ? (
          <Link to={`/conformity/declarations/${r.declaration.id}`}>
            {`${r.declaration.number ?? ''} (${formatDate(r.declaration.date)})`}
          </Link>
        ) : (
          'Chưa công bố'
        ),
    },
    { title: 'Tài liệu hiệu lực', dataIndex: 'documentsInForce', width: 90, align: 'right' },
    { title: 'Quá hạn rà soát', dataIndex: 'overdueReviews', width: 90, align: 'right' },
    { title: 'HĐKP mở', dataIndex: 'openCorrectiveActions', width: 80, align: 'right' },
    { title: 'HĐKP quá hạn', dataIndex: 'overdueCorrectiveActions', width: 90, align: 'right' },
    {
      title: 'Đánh giá nội bộ',
      dataIndex: 'lastAuditOn',
      width: 110,
      render: (d: string | null) => (d ? formatDate(d) : '—'),
    },
    {
      title: 'Xem xét lãnh đạo',
      dataIndex: 'lastReviewOn',
      width: 110,
      render: (d: string | null) => (d ? formatDate(d) : '—'),
    },
    { title: 'Lộ trình', dataIndex: 'onTrack', width: 130, render: onTrackTag },
    {
      title: 'Hồ sơ kiểm tra',
      key: 'pack',
      width: 110,
      render: (_: unknown, r) => (
        <Button
          size="small"
          icon={<DownloadOutlined />}
          aria-label={`Tải ZIP hồ sơ kiểm tra của ${r.name}`}
          onClick={() =>
            void saveFile(
              `/api/v1/oversight/agencies/${r.agencyId}/inspection-pack`,
              'ho-so-kiem-tra.zip',
            ).catch((e: unknown) => message.error(errorMessage(e)))
          }
        >
          ZIP
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title="Theo dõi áp dụng HTQLCL"
        subtitle="Tình hình xây dựng, áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng của các cơ quan"
        extra={
          <Space wrap>
            <InputNumber
              aria-label="Năm báo cáo"
              min={2000}
              max={2100}
              value={reportYear}
              onChange={(v) => setReportYear(v ?? year)}
            />
            <Button
              icon={<FilePdfOutlined />}
              onClick={() =>
                void saveFile(
                  `/api/v1/oversight/reports/annual?year=${reportYear}&format=pdf`,
                  `bao-cao-htqlcl-${reportYear}.pdf`,
                ).catch((e: unknown) => message.error(errorMessage(e)))
              }
            >
              Báo cáo năm (PDF)
            </Button>
          </Space>
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <QueryState query={summary}>
          {(s: OversightSummary) => (
            <Card title={h2(`Theo năm lộ trình và cấp (số liệu ngày ${formatDate(s.asOf)})`)}>
              <p data-testid="oversight-totals">
                {`Tổng số ${s.total} cơ quan: đã công bố ${s.declared}, đúng lộ trình ${s.onTrack}, chậm lộ trình ${s.late}.`}
              </p>
              <Suspense fallback={null}>
                <RoadmapChart summary={s} />
              </Suspense>
              <Table
                rowKey={(g) => `${g.level}:${g.roadmapYear ?? ''}`}
                size="small"
                pagination={false}
                dataSource={s.groups}
                columns={[
                  { title: 'Năm lộ trình', dataIndex: 'roadmapYear', width: 110 },
                  { title: 'Cấp', dataIndex: 'levelLabel' },
                  { title: 'Số cơ quan', dataIndex: 'total', align: 'right' },
                  { title: 'Đã công bố', dataIndex: 'declared', align: 'right' },
                  { title: 'Đúng lộ trình', dataIndex: 'onTrack', align: 'right' },
                  { title: 'Chậm lộ trình', dataIndex: 'late', align: 'right' },
                ]}
              />
            </Card>
          )}
        </QueryState>
        <Card
          data-testid="oversight-agencies"
          title={h2('Các cơ quan')}
          extra={
            <Space>
              <Button icon={<DownloadOutlined />} onClick={() => exportBoard('xlsx')}>
                Xuất Excel
              </Button>
              <Button icon={<FilePdfOutlined />} onClick={() => exportBoard('pdf')}>
                Xuất PDF
              </Button>
            </Space>
          }
        >
          <Flex gap={12} wrap style={{ marginBottom: 12 }}>
            <Input.Search
              aria-label="Tìm cơ quan"
              placeholder="Tìm theo tên hoặc mã"
              allowClear
              defaultValue={filters.q}
              onSearch={(v) => setFilter('q', v)}
              style={{ width: 260 }}
            />
            <Select
              aria-label="Cấp"
              allowClear
              placeholder="Cấp"
              style={{ width: 220 }}
              value={filters.level}
              onChange={(v) => setFilter('level', v)}
              options={Object.entries(LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <InputNumber
              aria-label="Năm lộ trình"
              placeholder="Năm lộ trình"
              min={2000}
              max={2100}
              value={filters.roadmapYear ? Number(filters.roadmapYear) : null}
              onChange={(v) => setFilter('roadmapYear', v ? String(v) : undefined)}
            />
            <Select
              aria-label="Công bố"
              allowClear
              placeholder="Công bố"
              style={{ width: 160 }}
              value={filters.declared}
              onChange={(v) => setFilter('declared', v)}
              options={[
                { value: 'true', label: 'Đã công bố' },
                { value: 'false', label: 'Chưa công bố' },
              ]}
            />
            <Select
              aria-label="Lộ trình"
              allowClear
              placeholder="Lộ trình"
              style={{ width: 170 }}
              value={filters.onTrack}
              onChange={(v) => setFilter('onTrack', v)}
              options={[
                { value: 'true', label: 'Đúng lộ trình' },
                { value: 'false', label: 'Chậm lộ trình' },
              ]}
            />
          </Flex>
          <Table
            rowKey="agencyId"
            size="small"
            columns={columns}
            dataSource={query.data?.items ?? []}
            loading={query.isFetching}
            pagination={pagination}
            locale={{ emptyText: 'Không có cơ quan nào khớp bộ lọc.' }}
          />
        </Card>
      </Space>
    </>
  );
}
