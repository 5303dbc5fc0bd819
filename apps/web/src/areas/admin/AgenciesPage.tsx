import { ApartmentOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { Can } from '../../auth/Can';
import { P } from '../../auth/permissions';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedQuery } from '../../ui/use-paged-query';
import { AgencyFormModal } from './AgencyFormModal';
import { AgencyImportModal } from './AgencyImportModal';
import { ChildAgencies } from './ChildAgencies';
import { AGENCY_LEVEL_LABELS, type Agency, type AgencyLevel } from './labels';
import { OrgUnitsDrawer } from './OrgUnitsDrawer';
import { useAgencyColumns } from './use-agency-columns';

const FILTERS = ['q', 'level', 'roadmapYear'] as const;

/** The agencies of the province as a tree (each row opens its children), with their units. */
export default function AgenciesPage() {
  const navigate = useNavigate();
  const [editing, setEditing] = useState<Agency | null | undefined>(undefined);
  const [unitsOf, setUnitsOf] = useState<Agency | null>(null);
  const [importing, setImporting] = useState(false);
  const { query, filters, setFilter, pagination } = usePagedQuery(['admin', 'agencies'], FILTERS, (q) =>
    call(
      api.GET('/api/v1/agencies', {
        params: {
          query: {
            page: q.page,
            pageSize: q.pageSize,
            ...(q.q ? { q: q.q } : {}),
            ...(q.level ? { level: q.level as AgencyLevel } : {}),
            ...(q.roadmapYear ? { roadmapYear: Number(q.roadmapYear) } : {}),
          },
        },
      }),
    ),
  );
  const columns = useAgencyColumns({ onEdit: setEditing, onUnits: setUnitsOf });

  return (
    <>
      <PageHeader
        title="Cơ quan, đơn vị"
        subtitle="Các cơ quan theo lộ trình áp dụng ISO điện tử; mở một dòng để xem các cơ quan trực thuộc."
        extra={
          <>
            <Can permission={P.AgencyImport}>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                Nhập từ CSV
              </Button>
            </Can>
            <Can permission={P.AgencyManage}>
              <Button icon={<ApartmentOutlined />} onClick={() => void navigate('/agencies/restructure')}>
                Sắp xếp lại cơ quan
              </Button>
            </Can>
            <Can permission={P.AgencyManage}>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                Thêm cơ quan
              </Button>
            </Can>
          </>
        }
      />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="Tìm theo tên" htmlFor="agency-search">
          <Input.Search
            id="agency-search"
            allowClear
            defaultValue={filters.q}
            onSearch={(value) => setFilter('q', value.trim())}
            style={{ width: 260 }}
          />
        </Form.Item>
        <Form.Item label="Cấp" htmlFor="agency-level">
          <Select
            id="agency-level"
            allowClear
            placeholder="Tất cả"
            value={filters.level}
            onChange={(value?: string) => setFilter('level', value)}
            style={{ width: 220 }}
            options={Object.entries(AGENCY_LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="Năm lộ trình" htmlFor="agency-year">
          <InputNumber
            id="agency-year"
            min={2000}
            max={2100}
            value={filters.roadmapYear ? Number(filters.roadmapYear) : null}
            onChange={(value) => setFilter('roadmapYear', value ? String(value) : undefined)}
          />
        </Form.Item>
      </Form>
      <Table<Agency>
        rowKey="id"
        caption="Danh sách cơ quan"
        loading={query.isFetching}
        columns={columns}
        dataSource={query.data?.items}
        pagination={pagination}
        locale={{ emptyText: query.error ? 'Không tải được danh sách cơ quan.' : 'Chưa có cơ quan nào.' }}
        expandable={{
          expandedRowRender: (agency) => (
            <ChildAgencies parent={agency} onEdit={setEditing} onUnits={setUnitsOf} />
          ),
        }}
      />
      <AgencyFormModal
        open={editing !== undefined}
        agency={editing ?? null}
        onClose={() => setEditing(undefined)}
      />
      <AgencyImportModal open={importing} onClose={() => setImporting(false)} />
      <OrgUnitsDrawer agency={unitsOf} onClose={() => setUnitsOf(null)} />
    </>
  );
}
