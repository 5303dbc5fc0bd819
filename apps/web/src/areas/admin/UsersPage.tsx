import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { Can } from '../../auth/Can';
import { P, ROLE_LABELS, type Role } from '../../auth/permissions';
import { useAuth } from '../../auth/use-auth';
import { errorMessage } from '../../api/api-error';
import { formatDateTime } from '../../ui/dates';
import { AppLink } from '../../ui/AppLink';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedQuery } from '../../ui/use-paged-query';
import type { User } from './labels';
import { useAgencyOptions } from './use-agency-options';
import { UserCreateModal } from './UserCreateModal';
import { UserStatusTags } from './user-status';

const FILTERS = ['q', 'agencyId', 'role', 'active'] as const;

/** The accounts the reader may see, filtered on the server. */
export default function UsersPage() {
  const { me } = useAuth();
  const isSystemAdmin = !!me && me.agencyId === null;
  const [creating, setCreating] = useState(false);
  const { query, filters, setFilter, pagination } = usePagedQuery(['admin', 'users'], FILTERS, (q) =>
    call(
      api.GET('/api/v1/users', {
        params: {
          query: {
            page: q.page,
            pageSize: q.pageSize,
            ...(q.q ? { q: q.q } : {}),
            ...(q.agencyId ? { agencyId: q.agencyId } : {}),
            ...(q.role ? { role: q.role as Role } : {}),
            ...(q.active ? { active: q.active === 'true' } : {}),
          },
        },
      }),
    ),
  );
  const agencies = useAgencyOptions(filters.agencyId);

  return (
    <>
      <PageHeader
        title="Người dùng"
        extra={
          <Can permission={P.UserManage}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Thêm người dùng
            </Button>
          </Can>
        }
      />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="Tìm theo tên" htmlFor="user-search">
          <Input.Search
            id="user-search"
            allowClear
            defaultValue={filters.q}
            onSearch={(value) => setFilter('q', value.trim())}
            style={{ width: 220 }}
          />
        </Form.Item>
        {isSystemAdmin ? (
          <Form.Item label="Cơ quan" htmlFor="user-agency">
            <Select
              id="user-agency"
              allowClear
              placeholder="Tất cả"
              value={filters.agencyId}
              onChange={(value?: string) => setFilter('agencyId', value)}
              style={{ width: 260 }}
              {...agencies.selectProps}
            />
          </Form.Item>
        ) : null}
        <Form.Item label="Vai trò" htmlFor="user-role">
          <Select
            id="user-role"
            allowClear
            placeholder="Tất cả"
            value={filters.role}
            onChange={(value?: string) => setFilter('role', value)}
            style={{ width: 220 }}
            options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="Tình trạng" htmlFor="user-active">
          <Select
            id="user-active"
            allowClear
            placeholder="Tất cả"
            value={filters.active}
            onChange={(value?: string) => setFilter('active', value)}
            style={{ width: 180 }}
            options={[
              { value: 'true', label: 'Đang hoạt động' },
              { value: 'false', label: 'Đã vô hiệu hóa' },
            ]}
          />
        </Form.Item>
      </Form>
      {query.error ? (
        <Alert type="error" showIcon message={errorMessage(query.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Table<User>
        rowKey="id"
        caption="Danh sách người dùng"
        loading={query.isFetching}
        dataSource={query.data?.items}
        pagination={pagination}
        columns={[
          {
            title: 'Họ và tên',
            dataIndex: 'fullName',
            render: (name: string, user) => <AppLink to={`/users/${user.id}`}>{name}</AppLink>,
          },
          { title: 'Tên đăng nhập', dataIndex: 'username' },
          { title: 'Chức vụ', dataIndex: 'position' },
          {
            title: 'Vai trò',
            dataIndex: 'roles',
            render: (roles: Role[]) => (
              <Space size={4} wrap>
                {roles.map((r) => (
                  <Tag key={r}>{ROLE_LABELS[r]}</Tag>
                ))}
              </Space>
            ),
          },
          { title: 'Tình trạng', key: 'status', render: (_, user) => <UserStatusTags user={user} /> },
          { title: 'Đăng nhập gần nhất', dataIndex: 'lastLoginAt', render: formatDateTime },
        ]}
      />
      <UserCreateModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
