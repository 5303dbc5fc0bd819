import { BellOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App as AntApp, Avatar, Badge, Button, Dropdown, Layout, Menu, Space } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api, call } from '../api/client';
import { useAuth } from '../auth/use-auth';
import { P, ROLE_LABELS } from '../auth/permissions';
import { HeaderSearch } from '../areas/search/HeaderSearch';
import { NAVIGATION } from './navigation';
import { PageFallback } from './PageFallback';

export const UNREAD_QUERY_KEY = ['notifications', 'unread-count'] as const;

/** The frame of every signed-in screen: the menu the user's permissions allow, the bell, the user. */
export default function AppLayout() {
  const { me, can, logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const unread = useQuery({
    queryKey: UNREAD_QUERY_KEY,
    queryFn: () => call(api.GET('/api/v1/notifications', { params: { query: { page: 1, pageSize: 1 } } })),
    refetchInterval: 60_000,
  });

  const items: ItemType[] = NAVIGATION.flatMap((group) => {
    const visible = group.items.filter((item) => !item.permissions || item.permissions.some((p) => can(p)));
    if (!visible.length) return [];
    return [
      {
        type: 'group' as const,
        key: group.label,
        label: group.label,
        children: visible.map((item) => ({
          key: item.path,
          icon: item.icon,
          label: <Link to={item.path}>{item.label}</Link>,
        })),
      },
    ];
  });
  const allPaths = NAVIGATION.flatMap((g) => g.items.map((i) => i.path));
  const selected =
    allPaths
      .filter((path) => (path === '/' ? location.pathname === '/' : location.pathname.startsWith(path)))
      .sort((a, b) => b.length - a.length)[0] ?? '/';

  return (
    <AntApp>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider
          width={248}
          theme="light"
          breakpoint="lg"
          collapsedWidth={0}
          style={{ borderRight: '1px solid #f0f0f0' }}
        >
          <Link
            to="/"
            style={{
              display: 'block',
              padding: '16px 20px',
              fontWeight: 700,
              fontSize: 18,
              color: '#a8071a',
            }}
          >
            eISO
            <span style={{ display: 'block', fontSize: 12, fontWeight: 400, color: 'rgba(0, 0, 0, 0.68)' }}>
              Hệ thống ISO điện tử
            </span>
          </Link>
          <nav aria-label="Chức năng">
            <Menu mode="inline" selectedKeys={[selected]} items={items} style={{ borderInlineEnd: 0 }} />
          </nav>
        </Layout.Sider>
        <Layout>
          <Layout.Header
            style={{
              background: '#fff',
              padding: '0 24px',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
              gap: 16,
              borderBottom: '1px solid #f0f0f0',
            }}
          >
            {/* The search screen has its own box. */}
            <div>{can(P.DocumentRead) && location.pathname !== '/search' ? <HeaderSearch /> : null}</div>
            <Space size="large">
              <Link to="/notifications" aria-label={`Thông báo: ${unread.data?.unread ?? 0} chưa đọc`}>
                <Badge count={unread.data?.unread ?? 0} size="small">
                  <BellOutlined style={{ fontSize: 18 }} />
                </Badge>
              </Link>
              <Dropdown
                menu={{
                  items: [
                    {
                      key: 'me',
                      icon: <UserOutlined />,
                      label: 'Thông tin cá nhân',
                      onClick: () => void navigate('/me'),
                    },
                    {
                      key: 'password',
                      label: 'Đổi mật khẩu',
                      onClick: () => void navigate('/change-password'),
                    },
                    { type: 'divider' },
                    {
                      key: 'logout',
                      icon: <LogoutOutlined />,
                      label: 'Đăng xuất',
                      onClick: () => void logout().then(() => navigate('/login')),
                    },
                  ],
                }}
              >
                <Button type="text" data-testid="account-menu">
                  <Space>
                    <Avatar size="small" icon={<UserOutlined />} />
                    <span>{me?.fullName}</span>
                    <span style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.68)' }}>
                      {me?.roles.map((r) => ROLE_LABELS[r]).join(', ')}
                    </span>
                  </Space>
                </Button>
              </Dropdown>
            </Space>
          </Layout.Header>
          <Layout.Content style={{ padding: 24 }}>
            <main>
              <Suspense fallback={<PageFallback />}>
                <Outlet />
              </Suspense>
            </main>
          </Layout.Content>
        </Layout>
      </Layout>
    </AntApp>
  );
}
