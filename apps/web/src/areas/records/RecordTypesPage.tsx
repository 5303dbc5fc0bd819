import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { useCan } from '../../auth/use-auth';
import { P } from '../../auth/permissions';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { usePagedQuery } from '../../ui/use-paged-query';
import { retentionText } from './labels';
import { RecordTypeModal } from './RecordTypeModal';
import type { RecordType } from './types';
import { useOrgUnits } from '../../ui/org-units';
import { EmptyText } from './EmptyText';

const FILTERS = ['q'] as const;

/** Danh mục hồ sơ: the record types of the agency; record_type.manage adds and edits them. */
export default function RecordTypesPage() {
  const canManage = useCan(P.RecordTypeManage);
  const units = useOrgUnits();
  const [modal, setModal] = useState<{ editing: RecordType | null } | null>(null);
  const { query, filters, setFilter, pagination } = usePagedQuery(['records', 'record-types'], FILTERS, (q) =>
    call(
      api.GET('/api/v1/record-types', { params: { query: { page: q.page, pageSize: q.pageSize, q: q.q } } }),
    ),
  );
  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.name ?? '';
  return (
    <>
      <PageHeader
        title="Danh mục hồ sơ"
        subtitle="Các loại hồ sơ, thời hạn lưu trữ, nơi lưu và đơn vị lưu giữ"
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ editing: null })}>
              Thêm loại hồ sơ
            </Button>
          ) : null
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <Form.Item
            label="Tìm theo mã hoặc tên"
            htmlFor="record-types-q"
            style={{ maxWidth: 360, marginBottom: 0 }}
          >
            <Input.Search
              id="record-types-q"
              allowClear
              defaultValue={filters.q}
              enterButton="Tìm"
              onSearch={(value) => setFilter('q', value.trim())}
            />
          </Form.Item>
        </Form>
      </Card>
      <QueryState query={query}>
        {(page) => (
          <Table<RecordType>
            rowKey="id"
            dataSource={page.items}
            loading={query.isFetching}
            pagination={pagination}
            caption={<Typography.Text strong>Các loại hồ sơ</Typography.Text>}
            locale={{ emptyText: <EmptyText>Danh mục hồ sơ chưa có loại hồ sơ nào.</EmptyText> }}
            columns={[
              { title: 'Mã', dataIndex: 'code' },
              { title: 'Tên loại hồ sơ', dataIndex: 'name' },
              {
                title: 'Thời hạn lưu trữ',
                key: 'retention',
                render: (_, t) => retentionText(t.retentionMonths, t.permanent),
              },
              { title: 'Nơi lưu', dataIndex: 'storagePlace' },
              {
                title: 'Đơn vị lưu giữ',
                dataIndex: 'responsibleOrgUnitId',
                render: (id: string) => unitName(id),
              },
              ...(canManage
                ? [
                    {
                      title: 'Thao tác',
                      key: 'actions',
                      render: (_: unknown, t: RecordType) => (
                        <Button
                          size="small"
                          icon={<EditOutlined />}
                          aria-label={`Sửa loại hồ sơ ${t.code}`}
                          onClick={() => setModal({ editing: t })}
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
      <RecordTypeModal
        open={modal !== null}
        editing={modal?.editing ?? null}
        onClose={() => setModal(null)}
      />
    </>
  );
}
