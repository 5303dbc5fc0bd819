import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { Can } from '../../auth/Can';
import { P } from '../../auth/permissions';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedQuery } from '../../ui/use-paged-query';
import { formatNumber, STATUS_LABELS, targetText } from './objective-labels';
import type { Objective, ObjectiveStatus } from './objective-types';
import { ObjectiveFormModal } from './ObjectiveFormModal';
import { ObjectiveStatusTag } from './ObjectiveStatusTag';
import { QualityPolicyNote } from './QualityPolicyNote';
import { OrgUnitSelect } from '../../ui/org-units';

const FILTERS = ['year', 'ownerOrgUnitId', 'status', 'q'] as const;

/** Mục tiêu chất lượng of a year: status, current result against the target, the policy in force. */
export default function ObjectivesPage() {
  const [creating, setCreating] = useState(false);
  const currentYear = new Date().getFullYear();
  const { query, filters, setFilter, pagination } = usePagedQuery(['objectives', 'list'], FILTERS, (q) =>
    call(
      api.GET('/api/v1/objectives', {
        params: {
          query: {
            page: q.page,
            pageSize: q.pageSize,
            year: Number(q.year ?? currentYear),
            ownerOrgUnitId: q.ownerOrgUnitId,
            status: q.status as ObjectiveStatus | undefined,
            q: q.q,
            state: 'active',
          },
        },
      }),
    ),
  );
  const year = Number(filters.year ?? currentYear);
  const years = Array.from({ length: 6 }, (_, i) => currentYear + 1 - i);
  const columns: ColumnsType<Objective> = [
    {
      title: 'Mục tiêu',
      dataIndex: 'statement',
      render: (statement: string, o) => <Link to={`/objectives/${o.id}`}>{statement}</Link>,
    },
    { title: 'Chỉ số', dataIndex: 'kpiName' },
    { title: 'Đơn vị chủ trì', dataIndex: 'ownerOrgUnitName' },
    { title: 'Chỉ tiêu', key: 'target', render: (_: unknown, o) => targetText(o) },
    {
      title: 'Kết quả hiện tại',
      key: 'result',
      render: (_: unknown, o) =>
        o.result === null
          ? 'Chưa có số liệu'
          : `${formatNumber(o.result)} ${o.unit} (${o.measuredPeriods}/${o.totalPeriods} kỳ)`,
    },
    {
      title: 'Tình trạng',
      dataIndex: 'status',
      render: (status: ObjectiveStatus) => <ObjectiveStatusTag status={status} />,
    },
  ];
  return (
    <>
      <PageHeader
        title="Mục tiêu chất lượng"
        subtitle={`Năm ${year}`}
        extra={
          <Can permission={P.ObjectiveManage}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Xây dựng mục tiêu
            </Button>
          </Can>
        }
      />
      <QualityPolicyNote />
      <Card>
        <Form layout="vertical">
          <Flex gap={12} wrap>
            <Form.Item label="Năm" htmlFor="objective-filter-year" style={{ minWidth: 120 }}>
              <Select
                id="objective-filter-year"
                value={year}
                onChange={(v: number) => setFilter('year', String(v))}
                options={years.map((y) => ({ value: y, label: String(y) }))}
              />
            </Form.Item>
            <Form.Item label="Đơn vị" htmlFor="objective-filter-unit" style={{ minWidth: 220 }}>
              <OrgUnitSelect
                id="objective-filter-unit"
                placeholder="Tất cả"
                value={filters.ownerOrgUnitId}
                onChange={(v) => setFilter('ownerOrgUnitId', v)}
              />
            </Form.Item>
            <Form.Item label="Tình trạng" htmlFor="objective-filter-status" style={{ minWidth: 200 }}>
              <Select
                id="objective-filter-status"
                allowClear
                placeholder="Tất cả"
                value={filters.status}
                onChange={(v: string | undefined) => setFilter('status', v)}
                options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item label="Tìm kiếm" htmlFor="objective-filter-q" style={{ minWidth: 220 }}>
              <Input.Search
                id="objective-filter-q"
                allowClear
                defaultValue={filters.q}
                placeholder="Nội dung mục tiêu hoặc chỉ số"
                onSearch={(v) => setFilter('q', v)}
              />
            </Form.Item>
          </Flex>
        </Form>
        <Table<Objective>
          rowKey="id"
          caption={`Mục tiêu chất lượng năm ${year}`}
          columns={columns}
          dataSource={query.data?.items}
          loading={query.isFetching}
          pagination={pagination}
          locale={{
            emptyText: query.error
              ? 'Không tải được danh sách.'
              : `Chưa có mục tiêu chất lượng nào của năm ${year}.`,
          }}
          scroll={{ x: 900 }}
        />
      </Card>
      <ObjectiveFormModal open={creating} onClose={() => setCreating(false)} defaultYear={year} />
    </>
  );
}
