import { PlusOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { P } from '../../auth/permissions';
import { useCan } from '../../auth/use-auth';
import { formatDateTime } from '../../ui/dates';
import { DocumentsTheme } from './DocumentsTheme';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { usePagedQuery } from '../../ui/use-paged-query';
import { CreateDocumentModal } from './CreateDocumentModal';
import { DocumentFilters } from './DocumentFilters';
import { StateTag } from './StateTag';
import { TYPE_LABELS, type DocumentType, type DocumentView, type VersionState } from './labels';

/** The drafting list: every document of the agency with its newest version, by state. */
export default function MyDocumentsPage() {
  const canDraft = useCan(P.DocumentDraft);
  const [creating, setCreating] = useState(false);
  const { query, filters, setFilter, pagination } = usePagedQuery(
    ['documents', 'list'],
    ['q', 'type', 'state'] as const,
    ({ page, pageSize, q, type, state }) =>
      call(
        api.GET('/api/v1/documents', {
          params: {
            query: {
              page,
              pageSize,
              q,
              type: type as DocumentType | undefined,
              state: state as VersionState | undefined,
              sort: 'updatedAt:desc',
            },
          },
        }),
      ),
  );
  return (
    <DocumentsTheme>
      <>
        <PageHeader
          title="Soạn thảo tài liệu"
          subtitle="Tài liệu của cơ quan và phiên bản mới nhất của từng tài liệu"
          extra={
            canDraft ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                Tạo tài liệu
              </Button>
            ) : null
          }
        />
        <DocumentFilters values={filters} setFilter={setFilter} withState />
        <QueryState query={query}>
          {(data) => (
            <Table<DocumentView>
              rowKey="id"
              dataSource={data.items}
              pagination={pagination}
              loading={query.isFetching}
              locale={{ emptyText: 'Chưa có tài liệu nào khớp điều kiện lọc.' }}
              columns={[
                {
                  title: 'Mã hiệu',
                  dataIndex: 'code',
                  render: (code: string, row) => <Link to={`/documents/${row.id}`}>{code}</Link>,
                },
                {
                  title: 'Tên tài liệu',
                  dataIndex: 'title',
                  render: (title: string, row) => <Link to={`/documents/${row.id}`}>{title}</Link>,
                },
                { title: 'Loại', dataIndex: 'type', render: (type: DocumentType) => TYPE_LABELS[type] },
                {
                  title: 'Lần sửa đổi',
                  render: (_, row) => row.currentVersion?.revision ?? '',
                },
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
              ]}
            />
          )}
        </QueryState>
        <CreateDocumentModal open={creating} onClose={() => setCreating(false)} />
      </>
    </DocumentsTheme>
  );
}
