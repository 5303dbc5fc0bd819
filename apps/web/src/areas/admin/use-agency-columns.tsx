import { ApartmentOutlined, EditOutlined } from '@ant-design/icons';
import { Badge, Button, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { P } from '../../auth/permissions';
import { useCan } from '../../auth/use-auth';
import { AGENCY_LEVEL_LABELS, AGENCY_STATUS_LABELS, type Agency } from './labels';

/** The columns of the agencies tree (top list and children alike). */
export function useAgencyColumns(actions: {
  onEdit: (agency: Agency) => void;
  onUnits: (agency: Agency) => void;
}): ColumnsType<Agency> {
  const canManage = useCan(P.AgencyManage);
  const canReadUnits = useCan(P.OrgUnitRead, P.OrgUnitManage);
  return [
    { title: 'Tên cơ quan', dataIndex: 'name' },
    {
      title: 'Cấp',
      dataIndex: 'level',
      width: 200,
      render: (level: Agency['level']) => AGENCY_LEVEL_LABELS[level],
    },
    { title: 'Năm lộ trình', dataIndex: 'roadmapYear', width: 120 },
    {
      title: 'Tình trạng',
      dataIndex: 'status',
      width: 140,
      render: (status: Agency['status']) => (
        <Badge status={status === 'active' ? 'success' : 'default'} text={AGENCY_STATUS_LABELS[status]} />
      ),
    },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 120,
      render: (_, agency) => (
        <Space>
          {canManage ? (
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label={`Sửa ${agency.name}`}
              onClick={() => actions.onEdit(agency)}
            />
          ) : null}
          {canReadUnits ? (
            <Button
              size="small"
              icon={<ApartmentOutlined />}
              aria-label={`Phòng, ban của ${agency.name}`}
              onClick={() => actions.onUnits(agency)}
            />
          ) : null}
        </Space>
      ),
    },
  ];
}
