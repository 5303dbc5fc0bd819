import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { ROLE_LABELS } from '../../auth/permissions';
import { useAuth } from '../../auth/use-auth';
import { formatDateTime } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';

/** The signed-in user's own details (GET /api/v1/me), with the way to change the password. */
export default function ProfilePage() {
  const { me } = useAuth();
  const navigate = useNavigate();
  const agency = useQuery({
    queryKey: ['account', 'agency', me?.agencyId],
    queryFn: () => call(api.GET('/api/v1/agencies/{id}', { params: { path: { id: me!.agencyId! } } })),
    enabled: !!me?.agencyId,
    retry: false,
  });
  const unit = useQuery({
    queryKey: ['account', 'org-unit', me?.agencyId, me?.orgUnitId],
    queryFn: () =>
      call(
        api.GET('/api/v1/agencies/{agencyId}/org-units/{unitId}', {
          params: { path: { agencyId: me!.agencyId!, unitId: me!.orgUnitId! } },
        }),
      ),
    enabled: !!me?.agencyId && !!me?.orgUnitId,
    retry: false,
  });
  if (!me) return null;
  const nameOr = (query: { data?: { name: string }; isPending: boolean; error: unknown }) =>
    query.data?.name ?? (query.error ? 'Không xem được' : '…');
  return (
    <>
      <PageHeader
        title="Thông tin cá nhân"
        extra={<Button onClick={() => void navigate('/change-password')}>Đổi mật khẩu</Button>}
      />
      <Card>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label="Họ và tên">{me.fullName}</Descriptions.Item>
          <Descriptions.Item label="Tên đăng nhập">{me.username}</Descriptions.Item>
          <Descriptions.Item label="Chức vụ">{me.position ?? 'Chưa ghi'}</Descriptions.Item>
          <Descriptions.Item label="Thư điện tử">{me.email ?? 'Chưa ghi'}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan">
            {me.agencyId ? nameOr(agency) : 'Quản trị hệ thống'}
          </Descriptions.Item>
          <Descriptions.Item label="Phòng, ban">
            {me.orgUnitId ? nameOr(unit) : 'Chưa thuộc phòng, ban nào'}
          </Descriptions.Item>
          <Descriptions.Item label="Vai trò">
            <Space size={4} wrap>
              {me.roles.map((role) => (
                <Tag key={role}>{ROLE_LABELS[role]}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="Đăng nhập gần nhất">
            {formatDateTime(me.lastLoginAt) || 'Chưa có'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
