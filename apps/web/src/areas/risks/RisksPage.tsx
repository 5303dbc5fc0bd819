import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Flex, Form, Input, Segmented, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { Can } from '../../auth/Can';
import { P } from '../../auth/permissions';
import { formatDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { usePagedQuery } from '../../ui/use-paged-query';
import { CreateRiskModal } from './CreateRiskModal';
import { LevelTag } from './LevelTag';
import { RISK_CONTEXT_LABELS, RISK_LEVEL_LABELS, RISK_STATE_LABELS } from './risk-labels';
import type { Risk, RiskContext, RiskKind, RiskLevel, RiskState } from './risk-types';
import { RiskHeatMap } from './RiskHeatMap';
import { OrgUnitSelect } from '../../ui/org-units';
import { RiskRegisterButtons } from './RiskRegisterButtons';
import { RisksTheme } from './RisksTheme';

const FILTERS = [
  'kind',
  'level',
  'state',
  'context',
  'ownerOrgUnitId',
  'likelihood',
  'impact',
  'reviewDue',
  'q',
] as const;

const KINDS = [
  { value: 'all', label: 'Tất cả' },
  { value: 'risk', label: 'Rủi ro' },
  { value: 'opportunity', label: 'Cơ hội' },
];

/** Rủi ro và cơ hội: the heat map of open items, the list (filters in the address), the register. */
export default function RisksPage() {
  const [creating, setCreating] = useState(false);
  const { query, filters, setFilter, pagination } = usePagedQuery(['risks', 'list'], FILTERS, (q) =>
    call(
      api.GET('/api/v1/risks', {
        params: {
          query: {
            page: q.page,
            pageSize: q.pageSize,
            kind: q.kind as RiskKind | undefined,
            level: q.level as RiskLevel | undefined,
            state: q.state as RiskState | undefined,
            context: q.context as RiskContext | undefined,
            ownerOrgUnitId: q.ownerOrgUnitId,
            likelihood: q.likelihood ? Number(q.likelihood) : undefined,
            impact: q.impact ? Number(q.impact) : undefined,
            reviewDue: q.reviewDue === 'true' ? true : undefined,
            q: q.q,
            sort: 'score:desc',
          },
        },
      }),
    ),
  );
  const kind = filters.kind as RiskKind | undefined;
  const heatMap = useQuery({
    queryKey: ['risks', 'heat-map', kind ?? 'all'],
    queryFn: () => call(api.GET('/api/v1/risks/heat-map', { params: { query: { kind } } })),
  });
  const [params, setParams] = useSearchParams();
  const selectCell = (cell: { likelihood: number; impact: number } | null) => {
    // Both parameters in one change of the address.
    const next = new URLSearchParams(params);
    if (cell) {
      next.set('likelihood', String(cell.likelihood));
      next.set('impact', String(cell.impact));
    } else {
      next.delete('likelihood');
      next.delete('impact');
    }
    next.delete('page');
    setParams(next, { replace: true });
  };
  const columns: ColumnsType<Risk> = [
    {
      title: 'Mã',
      dataIndex: 'code',
      width: 90,
      render: (code: string, r) => <Link to={`/risks/${r.id}`}>{code}</Link>,
    },
    {
      title: 'Mô tả',
      dataIndex: 'description',
      render: (description: string, r) => (
        <>
          <Link to={`/risks/${r.id}`}>{description}</Link>
          <div style={{ color: 'rgba(0, 0, 0, 0.68)', fontSize: 12 }}>
            {r.kindLabel} — {r.contextLabel}
          </div>
        </>
      ),
    },
    { title: 'Đơn vị chủ trì', dataIndex: 'ownerOrgUnitName', render: (n: string | null) => n ?? '' },
    {
      title: 'Điểm',
      dataIndex: 'score',
      width: 110,
      render: (score: number, r) => `${score} (${r.likelihood}×${r.impact})`,
    },
    {
      title: 'Mức',
      dataIndex: 'level',
      width: 110,
      render: (level: RiskLevel) => <LevelTag level={level} />,
    },
    {
      title: 'Ngày xem xét lại',
      dataIndex: 'reviewDate',
      render: (d: string, r) => (
        <Space size={4} wrap>
          {formatDate(d)}
          {r.reviewOverdue ? (
            <Tag style={{ color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' }}>
              Quá hạn xem xét
            </Tag>
          ) : null}
        </Space>
      ),
    },
    { title: 'Trạng thái', dataIndex: 'stateLabel' },
  ];
  return (
    <RisksTheme>
      <>
        <PageHeader
          title="Rủi ro và cơ hội"
          extra={
            <>
              <RiskRegisterButtons />
              <Can permission={P.RiskManage}>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  Ghi nhận rủi ro, cơ hội
                </Button>
              </Can>
            </>
          }
        />
        <Card style={{ marginBottom: 16 }}>
          <Flex gap={24} wrap align="start">
            <div>
              <div id="risk-kind-label" style={{ marginBottom: 8, fontWeight: 500 }}>
                Loại
              </div>
              <Segmented
                aria-labelledby="risk-kind-label"
                options={KINDS}
                value={kind ?? 'all'}
                onChange={(v) => setFilter('kind', v === 'all' ? undefined : String(v))}
              />
            </div>
            <div style={{ flex: 1, minWidth: 320 }}>
              <QueryState query={heatMap}>
                {(data) => (
                  <RiskHeatMap
                    data={data}
                    selected={{
                      likelihood: filters.likelihood ? Number(filters.likelihood) : undefined,
                      impact: filters.impact ? Number(filters.impact) : undefined,
                    }}
                    onSelect={selectCell}
                  />
                )}
              </QueryState>
            </div>
          </Flex>
        </Card>
        <Card>
          <Form layout="vertical">
            <Flex gap={12} wrap align="end">
              <Form.Item label="Tìm kiếm" htmlFor="risk-filter-q" style={{ minWidth: 220 }}>
                <Input.Search
                  id="risk-filter-q"
                  allowClear
                  defaultValue={filters.q}
                  placeholder="Mã, mô tả, biện pháp"
                  onSearch={(v) => setFilter('q', v)}
                />
              </Form.Item>
              <Form.Item label="Mức" htmlFor="risk-filter-level" style={{ minWidth: 140 }}>
                <Select
                  id="risk-filter-level"
                  allowClear
                  placeholder="Tất cả"
                  value={filters.level}
                  onChange={(v: string | undefined) => setFilter('level', v)}
                  options={Object.entries(RISK_LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
              <Form.Item label="Trạng thái" htmlFor="risk-filter-state" style={{ minWidth: 160 }}>
                <Select
                  id="risk-filter-state"
                  allowClear
                  placeholder="Tất cả"
                  value={filters.state}
                  onChange={(v: string | undefined) => setFilter('state', v)}
                  options={Object.entries(RISK_STATE_LABELS).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
              <Form.Item label="Bối cảnh" htmlFor="risk-filter-context" style={{ minWidth: 180 }}>
                <Select
                  id="risk-filter-context"
                  allowClear
                  placeholder="Tất cả"
                  value={filters.context}
                  onChange={(v: string | undefined) => setFilter('context', v)}
                  options={Object.entries(RISK_CONTEXT_LABELS).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
              <Form.Item label="Đơn vị chủ trì" htmlFor="risk-filter-unit" style={{ minWidth: 200 }}>
                <OrgUnitSelect
                  id="risk-filter-unit"
                  placeholder="Tất cả"
                  value={filters.ownerOrgUnitId}
                  onChange={(v) => setFilter('ownerOrgUnitId', v)}
                />
              </Form.Item>
              <Form.Item>
                <Checkbox
                  checked={filters.reviewDue === 'true'}
                  onChange={(e) => setFilter('reviewDue', e.target.checked ? 'true' : undefined)}
                >
                  Chỉ mục đến hạn xem xét
                </Checkbox>
              </Form.Item>
              {filters.likelihood && filters.impact ? (
                <Form.Item>
                  <Space>
                    <span data-testid="risk-cell-filter">
                      Ô: khả năng {filters.likelihood}, ảnh hưởng {filters.impact}
                    </span>
                    <Button size="small" onClick={() => selectCell(null)}>
                      Bỏ chọn ô
                    </Button>
                  </Space>
                </Form.Item>
              ) : null}
            </Flex>
          </Form>
          <Table<Risk>
            rowKey="id"
            caption="Danh sách rủi ro và cơ hội"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            pagination={pagination}
            locale={{
              emptyText: (
                <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>
                  {query.error ? 'Không tải được danh sách.' : 'Chưa có rủi ro, cơ hội nào.'}
                </span>
              ),
            }}
            scroll={{ x: 900 }}
          />
        </Card>
        <CreateRiskModal open={creating} onClose={() => setCreating(false)} />
      </>
    </RisksTheme>
  );
}
