import { Button, Flex, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { P } from '../../auth/permissions';
import { useCan } from '../../auth/use-auth';
import { formatDate } from '../../ui/dates';
import { DocumentsTheme } from './DocumentsTheme';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { usePagedQuery } from '../../ui/use-paged-query';
import { AcknowledgeButton } from './AcknowledgeButton';
import { ControlledCopyDrawer } from './ControlledCopyDrawer';
import { DocumentFilters } from './DocumentFilters';
import { TYPE_LABELS, type DocumentType, type DocumentView } from './labels';

interface CopyTarget {
  documentId: string;
  versionId: string;
  code: string;
}

/** Documents in force of the agency: search, open the controlled copy, confirm having read it. */
export default function InForcePage() {
  const canAcknowledge = useCan(P.DocumentAcknowledge);
  const [copy, setCopy] = useState<CopyTarget | null>(null);
  const { query, filters, setFilter, pagination } = usePagedQuery(
    ['documents', 'in-force'],
    ['q', 'type'] as const,
    ({ page, pageSize, q, type }) =>
      call(
        api.GET('/api/v1/documents', {
          params: {
            query: {
              page,
              pageSize,
              q,
              type: type as DocumentType | undefined,
              state: 'effective',
              sort: 'code:asc',
            },
          },
        }),
      ),
  );
  return (
    <DocumentsTheme>
      <>
        <PageHeader title="Tài liệu đang hiệu lực" subtitle="Các tài liệu đã ban hành và đang có hiệu lực" />
        <DocumentFilters
          values={filters}
          setFilter={(name, value) => setFilter(name as 'q' | 'type', value)}
        />
        <QueryState query={query}>
          {(data) => (
            <Table<DocumentView>
              rowKey="id"
              dataSource={data.items}
              pagination={pagination}
              loading={query.isFetching}
              locale={{ emptyText: 'Không có tài liệu nào khớp điều kiện tìm.' }}
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
                  title: 'Lần ban hành',
                  render: (_, row) => row.currentVersion?.issueNumber ?? '',
                },
                {
                  title: 'Ngày hiệu lực',
                  render: (_, row) => formatDate(row.currentVersion?.effectiveFrom),
                },
                {
                  title: 'Thao tác',
                  render: (_, row) => {
                    const versionId = row.effectiveVersionId;
                    if (!versionId) return null;
                    return (
                      <Flex gap={8} wrap align="center">
                        <Button
                          size="small"
                          onClick={() => setCopy({ documentId: row.id, versionId, code: row.code })}
                        >
                          Xem bản kiểm soát
                        </Button>
                        {canAcknowledge ? (
                          <AcknowledgeButton documentId={row.id} versionId={versionId} code={row.code} />
                        ) : null}
                      </Flex>
                    );
                  },
                },
              ]}
            />
          )}
        </QueryState>
        <ControlledCopyDrawer
          target={copy}
          onClose={() => setCopy(null)}
          footer={
            copy && canAcknowledge ? (
              <AcknowledgeButton documentId={copy.documentId} versionId={copy.versionId} code={copy.code} />
            ) : undefined
          }
        />
      </>
    </DocumentsTheme>
  );
}
