import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Form, Select, Table, Typography } from 'antd';
import { useState } from 'react';

import { api, call } from '../../api/client';
import { Can } from '../../auth/Can';
import { P } from '../../auth/permissions';
import { formatDateTime } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { usePagedQuery } from '../../ui/use-paged-query';
import { StatusTag } from './StatusTag';
import { DISPOSAL_STATE_COLORS, DISPOSAL_STATE_LABELS } from './labels';
import { ProposeDisposalModal } from './ProposeDisposalModal';
import type { Disposal, DisposalState } from './types';
import { EmptyText } from './EmptyText';
import { AppLink } from '../../ui/AppLink';

const FILTERS = ['state'] as const;

/** Hủy hồ sơ: the agency's disposal batches; the ISO secretary proposes one from records due. */
export default function DisposalsPage() {
  const [proposing, setProposing] = useState(false);
  const { query, filters, setFilter, pagination } = usePagedQuery(['records', 'disposals'], FILTERS, (q) =>
    call(
      api.GET('/api/v1/disposals', {
        params: {
          query: { page: q.page, pageSize: q.pageSize, state: q.state as DisposalState | undefined },
        },
      }),
    ),
  );
  return (
    <>
      <PageHeader
        title="Hủy hồ sơ"
        subtitle="Các đợt hủy hồ sơ hết thời hạn lưu trữ"
        extra={
          <>
            <AppLink to="/records?state=due_for_disposal">Hồ sơ đến hạn hủy</AppLink>
            <Can permission={P.DisposalPropose}>
              <Button type="primary" icon={<DeleteOutlined />} onClick={() => setProposing(true)}>
                Đề nghị hủy
              </Button>
            </Can>
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <Form.Item label="Trạng thái" htmlFor="disposals-state" style={{ maxWidth: 240, marginBottom: 0 }}>
            <Select
              id="disposals-state"
              allowClear
              placeholder="Tất cả"
              value={filters.state}
              onChange={(value?: string) => setFilter('state', value)}
              options={Object.entries(DISPOSAL_STATE_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Form>
      </Card>
      <QueryState query={query}>
        {(page) => (
          <Table<Disposal>
            rowKey="id"
            dataSource={page.items}
            loading={query.isFetching}
            pagination={pagination}
            caption={<Typography.Text strong>Các đợt hủy hồ sơ</Typography.Text>}
            locale={{ emptyText: <EmptyText>Chưa có đợt hủy nào.</EmptyText> }}
            columns={[
              {
                title: 'Số biên bản',
                dataIndex: 'numberLabel',
                render: (label: string, d) => <AppLink to={`/disposals/${d.id}`}>{label}</AppLink>,
              },
              { title: 'Số hồ sơ', dataIndex: 'recordCount' },
              { title: 'Người đề nghị', dataIndex: 'proposerName', render: (v: string | null) => v ?? '' },
              { title: 'Đề nghị lúc', dataIndex: 'proposedAt', render: (v: string) => formatDateTime(v) },
              {
                title: 'Trạng thái',
                dataIndex: 'state',
                render: (state: DisposalState) => (
                  <StatusTag tone={DISPOSAL_STATE_COLORS[state]}>{DISPOSAL_STATE_LABELS[state]}</StatusTag>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <ProposeDisposalModal open={proposing} onClose={() => setProposing(false)} />
    </>
  );
}
