import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { QueryState } from '../../ui/QueryState';
import type { Agency } from './labels';
import { useAgencyColumns } from './use-agency-columns';

/** The agencies directly under one (a level of the tree), loaded when the row opens. */
export function ChildAgencies({
  parent,
  onEdit,
  onUnits,
}: {
  parent: Agency;
  onEdit: (agency: Agency) => void;
  onUnits: (agency: Agency) => void;
}) {
  const [page, setPage] = useState(1);
  const columns = useAgencyColumns({ onEdit, onUnits });
  const children = useQuery({
    queryKey: ['admin', 'agencies', 'children', parent.id, page],
    queryFn: () =>
      call(
        api.GET('/api/v1/agencies', {
          params: { query: { parentId: parent.id, page, pageSize: 20 } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <QueryState query={children}>
      {(data) =>
        data.total === 0 ? (
          <span>Không có cơ quan trực thuộc.</span>
        ) : (
          <Table<Agency>
            size="small"
            rowKey="id"
            caption={`Cơ quan trực thuộc ${parent.name}`}
            columns={columns}
            dataSource={data.items}
            expandable={{
              expandedRowRender: (agency) => (
                <ChildAgencies parent={agency} onEdit={onEdit} onUnits={onUnits} />
              ),
            }}
            pagination={{
              current: page,
              pageSize: 20,
              total: data.total,
              onChange: setPage,
              hideOnSinglePage: true,
              showTotal: (total) => `${total} cơ quan trực thuộc`,
            }}
          />
        )
      }
    </QueryState>
  );
}
