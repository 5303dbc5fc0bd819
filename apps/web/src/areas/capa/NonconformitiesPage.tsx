import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { Can } from '../../auth/Can';
import { P } from '../../auth/permissions';
import { formatDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedQuery } from '../../ui/use-paged-query';
import { NC_SEVERITY_LABELS, NC_SOURCE_LABELS, NC_STATE_LABELS } from './capa-labels';
import type {
  Nonconformity,
  NonconformitySeverity,
  NonconformitySource,
  NonconformityState,
} from './capa-types';
import { CaStateTag } from './CaStateTag';
import { ClauseSelect } from './ClauseSelect';
import { NonconformitySummaryCards } from './NonconformitySummaryCards';
import { OrgUnitSelect, useOrgUnits } from '../../ui/org-units';
import { OverdueTag } from './OverdueTag';
import { RaiseNonconformityModal } from './RaiseNonconformityModal';
import { RegisterButtons } from './RegisterButtons';
import { EmptyText } from './EmptyText';
import { ToneTag } from './ToneTag';
import { CapaTheme } from './CapaTheme';

const FILTERS = ['state', 'severity', 'source', 'clause', 'orgUnitId', 'q'] as const;

/** Sự không phù hợp: the list (filtered and paged on the server), this year's counts, the register. */
export default function NonconformitiesPage() {
  const [raising, setRaising] = useState(false);
  const units = useOrgUnits();
  const unitName = (id: string | null) => units.data?.find((u) => u.id === id)?.name ?? '';
  const { query, filters, setFilter, pagination } = usePagedQuery(
    ['capa', 'nonconformities', 'list'],
    FILTERS,
    (q) =>
      call(
        api.GET('/api/v1/nonconformities', {
          params: {
            query: {
              page: q.page,
              pageSize: q.pageSize,
              state: q.state as NonconformityState | undefined,
              severity: q.severity as NonconformitySeverity | undefined,
              source: q.source as NonconformitySource | undefined,
              clause: q.clause,
              orgUnitId: q.orgUnitId,
              q: q.q,
              sort: 'number:desc',
            },
          },
        }),
      ),
  );
  const columns: ColumnsType<Nonconformity> = [
    {
      title: 'Số',
      dataIndex: 'number',
      width: 90,
      render: (number: string, nc) => <Link to={`/nonconformities/${nc.id}`}>{number}</Link>,
    },
    {
      title: 'Tiêu đề',
      dataIndex: 'title',
      render: (title: string, nc) => (
        <>
          <Link to={`/nonconformities/${nc.id}`}>{title}</Link>
          {nc.overdue ? (
            <>
              {' '}
              <OverdueTag />
            </>
          ) : null}
        </>
      ),
    },
    { title: 'Nguồn', dataIndex: 'sourceLabel' },
    {
      title: 'Mức độ',
      dataIndex: 'severityLabel',
      render: (label: string, nc) => (
        <ToneTag tone={nc.severity === 'major' ? 'danger' : 'neutral'}>{label}</ToneTag>
      ),
    },
    { title: 'Điều khoản', dataIndex: 'clause', render: (c: string | null) => c ?? '' },
    { title: 'Đơn vị', dataIndex: 'orgUnitId', render: (id: string | null) => unitName(id) },
    { title: 'Ngày phát hiện', dataIndex: 'detectedOn', render: (d: string) => formatDate(d) },
    {
      title: 'Hành động khắc phục',
      dataIndex: 'correctiveActionState',
      render: (_: unknown, nc) =>
        nc.correctiveActionState ? (
          <CaStateTag state={nc.correctiveActionState} label={nc.correctiveActionStateLabel ?? undefined} />
        ) : (
          <Typography.Text type="secondary">Chưa lập phiếu</Typography.Text>
        ),
    },
    { title: 'Trạng thái', dataIndex: 'stateLabel' },
  ];
  const year = new Date().getFullYear();
  return (
    <CapaTheme>
      <>
        <PageHeader
          title="Sự không phù hợp"
          extra={
            <>
              <RegisterButtons year={year} />
              <Can permission={P.NonconformityRaise}>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setRaising(true)}>
                  Ghi nhận sự không phù hợp
                </Button>
              </Can>
            </>
          }
        />
        <NonconformitySummaryCards />
        <Card>
          <Form layout="vertical">
            <Flex gap={12} wrap>
              <Form.Item label="Tìm kiếm" htmlFor="nc-filter-q" style={{ minWidth: 220 }}>
                <Input.Search
                  id="nc-filter-q"
                  allowClear
                  defaultValue={filters.q}
                  placeholder="Tiêu đề hoặc số"
                  onSearch={(v) => setFilter('q', v)}
                />
              </Form.Item>
              <Form.Item label="Trạng thái" htmlFor="nc-filter-state" style={{ minWidth: 160 }}>
                <Select
                  id="nc-filter-state"
                  allowClear
                  placeholder="Tất cả"
                  value={filters.state}
                  onChange={(v: string | undefined) => setFilter('state', v)}
                  options={Object.entries(NC_STATE_LABELS).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
              <Form.Item label="Mức độ" htmlFor="nc-filter-severity" style={{ minWidth: 130 }}>
                <Select
                  id="nc-filter-severity"
                  allowClear
                  placeholder="Tất cả"
                  value={filters.severity}
                  onChange={(v: string | undefined) => setFilter('severity', v)}
                  options={Object.entries(NC_SEVERITY_LABELS).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
              <Form.Item label="Nguồn" htmlFor="nc-filter-source" style={{ minWidth: 190 }}>
                <Select
                  id="nc-filter-source"
                  allowClear
                  placeholder="Tất cả"
                  value={filters.source}
                  onChange={(v: string | undefined) => setFilter('source', v)}
                  options={Object.entries(NC_SOURCE_LABELS).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
              <Form.Item label="Điều khoản" htmlFor="nc-filter-clause" style={{ minWidth: 220 }}>
                <ClauseSelect
                  id="nc-filter-clause"
                  placeholder="Tất cả"
                  value={filters.clause}
                  onChange={(v) => setFilter('clause', v)}
                />
              </Form.Item>
              <Form.Item label="Đơn vị" htmlFor="nc-filter-unit" style={{ minWidth: 200 }}>
                <OrgUnitSelect
                  id="nc-filter-unit"
                  placeholder="Tất cả"
                  value={filters.orgUnitId}
                  onChange={(v) => setFilter('orgUnitId', v)}
                />
              </Form.Item>
            </Flex>
          </Form>
          <Table<Nonconformity>
            rowKey="id"
            caption="Danh sách sự không phù hợp"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            pagination={pagination}
            locale={{
              emptyText: (
                <EmptyText>
                  {query.error ? 'Không tải được danh sách.' : 'Chưa có sự không phù hợp nào.'}
                </EmptyText>
              ),
            }}
            scroll={{ x: 1000 }}
          />
        </Card>
        <RaiseNonconformityModal open={raising} onClose={() => setRaising(false)} />
      </>
    </CapaTheme>
  );
}
