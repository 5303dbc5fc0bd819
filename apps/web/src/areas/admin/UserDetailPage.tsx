import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, call, ifMatch } from '../../api/client';
import type { components } from '../../api/schema';
import { P, ROLE_LABELS, type Role } from '../../auth/permissions';
import { useAuth, useCan } from '../../auth/use-auth';
import { formatDateTime } from '../../ui/dates';
import { AppLink } from '../../ui/AppLink';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { applyServerErrors } from '../../ui/server-errors';
import type { User } from './labels';
import { PASSWORD_RULE } from './UserCreateModal';
import { isLocked, UserStatusTags } from './user-status';
import { useOrgUnitOptions } from './use-org-unit-options';

type Update = components['schemas']['UpdateUserDto'];
interface Values {
  fullName: string;
  email?: string;
  position?: string;
  orgUnitId?: string;
  roles: Role[];
}

/** One account: its details, edit roles/unit/position, deactivate, reset the password (unlocks). */
export default function UserDetailPage() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const canManage = useCan(P.UserManage);
  const [form] = Form.useForm<Values>();
  const [passwordForm] = Form.useForm<{ password: string }>();
  const [resetting, setResetting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const user = useQuery({
    queryKey: ['admin', 'users', 'one', id],
    queryFn: () => call(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  });
  const agency = useQuery({
    queryKey: ['admin', 'agency', user.data?.agencyId],
    queryFn: () => call(api.GET('/api/v1/agencies/{id}', { params: { path: { id: user.data!.agencyId! } } })),
    enabled: !!user.data?.agencyId,
  });
  const units = useOrgUnitOptions(user.data?.agencyId);

  useEffect(() => {
    if (!user.data) return;
    form.setFieldsValue({
      fullName: user.data.fullName,
      email: user.data.email ?? undefined,
      position: user.data.position ?? undefined,
      orgUnitId: user.data.orgUnitId ?? undefined,
      roles: user.data.roles,
    });
  }, [user.data, form]);

  const update = useMutation({
    mutationFn: ({ current, body }: { current: User; body: Update }) =>
      call(
        api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: current.id }, header: ifMatch(current.version) },
          body,
        }),
      ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['admin', 'users', 'one', id], saved);
      await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
    },
  });

  const save = async (current: User, values: Values) => {
    setError(null);
    try {
      await update.mutateAsync({
        current,
        body: {
          fullName: values.fullName.trim(),
          email: values.email || null,
          position: values.position || null,
          orgUnitId: values.orgUnitId ?? null,
          roles: values.roles,
        },
      });
      void message.success('Đã lưu tài khoản.');
    } catch (failure) {
      setError(applyServerErrors(form, failure));
    }
  };
  const toggleActive = (current: User) => {
    modal.confirm({
      title: current.active
        ? `Vô hiệu hóa tài khoản ${current.username}?`
        : `Kích hoạt lại ${current.username}?`,
      content: current.active ? 'Mọi phiên đăng nhập của người này kết thúc ngay.' : undefined,
      okText: current.active ? 'Vô hiệu hóa' : 'Kích hoạt lại',
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await update.mutateAsync({ current, body: { active: !current.active } });
          void message.success(current.active ? 'Đã vô hiệu hóa tài khoản.' : 'Đã kích hoạt lại tài khoản.');
        } catch (failure) {
          setError(applyServerErrors(form, failure));
        }
      },
    });
  };
  const resetPassword = async (current: User) => {
    const { password } = await passwordForm.validateFields();
    try {
      await update.mutateAsync({ current, body: { password } });
      void message.success('Đã đặt mật khẩu tạm; người dùng phải đổi ở lần đăng nhập tới.');
      passwordForm.resetFields();
      setResetting(false);
    } catch (failure) {
      const text = applyServerErrors(passwordForm, failure);
      if (text) void message.error(text);
    }
  };

  return (
    <QueryState query={user}>
      {(current) => {
        const own = current.id === me?.id;
        return (
          <>
            <PageHeader
              title={current.fullName}
              subtitle={<AppLink to="/users">← Danh sách người dùng</AppLink>}
              extra={
                canManage && !own ? (
                  <>
                    <Button onClick={() => setResetting(true)}>
                      {isLocked(current) ? 'Mở khóa, đặt lại mật khẩu' : 'Đặt lại mật khẩu'}
                    </Button>
                    <Button danger={current.active} onClick={() => toggleActive(current)}>
                      {current.active ? 'Vô hiệu hóa' : 'Kích hoạt lại'}
                    </Button>
                  </>
                ) : null
              }
            />
            {error ? (
              <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />
            ) : null}
            <Card title="Thông tin tài khoản" style={{ marginBottom: 16 }}>
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label="Tên đăng nhập">{current.username}</Descriptions.Item>
                <Descriptions.Item label="Cơ quan">
                  {current.agencyId ? (agency.data?.name ?? '…') : 'Quản trị hệ thống'}
                </Descriptions.Item>
                <Descriptions.Item label="Tình trạng">
                  <UserStatusTags user={current} />
                </Descriptions.Item>
                <Descriptions.Item label="Đăng nhập gần nhất">
                  {formatDateTime(current.lastLoginAt) || 'Chưa đăng nhập'}
                </Descriptions.Item>
                {isLocked(current) ? (
                  <Descriptions.Item label="Bị khóa đến">
                    {formatDateTime(current.lockedUntil)}
                  </Descriptions.Item>
                ) : null}
                <Descriptions.Item label="Ngày tạo">{formatDateTime(current.createdAt)}</Descriptions.Item>
              </Descriptions>
            </Card>
            <Card title={canManage ? 'Sửa thông tin, phân quyền' : 'Thông tin, vai trò'}>
              <Form
                form={form}
                layout="vertical"
                disabled={!canManage}
                onFinish={(values) => void save(current, values)}
                style={{ maxWidth: 640 }}
              >
                <Form.Item
                  name="fullName"
                  label="Họ và tên"
                  rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên.' }]}
                >
                  <Input />
                </Form.Item>
                <Form.Item name="position" label="Chức vụ">
                  <Input />
                </Form.Item>
                <Form.Item name="orgUnitId" label="Phòng, ban">
                  <Select
                    allowClear
                    placeholder="Chưa chọn"
                    options={units.options}
                    loading={units.loading}
                  />
                </Form.Item>
                <Form.Item
                  name="email"
                  label="Thư điện tử"
                  rules={[{ type: 'email', message: 'Thư điện tử không hợp lệ.' }]}
                >
                  <Input />
                </Form.Item>
                <Form.Item
                  name="roles"
                  label="Vai trò"
                  rules={[{ required: true, message: 'Chọn ít nhất một vai trò.' }]}
                >
                  <Checkbox.Group
                    options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
                  />
                </Form.Item>
                {canManage ? (
                  <Space>
                    <Button type="primary" htmlType="submit" loading={update.isPending}>
                      Lưu
                    </Button>
                  </Space>
                ) : null}
              </Form>
            </Card>
            <Modal
              open={resetting}
              title={`Đặt lại mật khẩu của ${current.username}`}
              okText="Đặt lại"
              cancelText="Hủy"
              confirmLoading={update.isPending}
              onOk={() => void resetPassword(current)}
              onCancel={() => setResetting(false)}
              forceRender
            >
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                message="Mật khẩu mới là mật khẩu tạm: người dùng phải đổi ở lần đăng nhập tới. Tài khoản bị khóa do nhập sai mật khẩu được mở khóa, mọi phiên đang mở kết thúc."
              />
              <Form form={passwordForm} layout="vertical">
                <Form.Item
                  name="password"
                  label="Mật khẩu tạm mới"
                  rules={[{ required: true, message: 'Nhập mật khẩu tạm.' }, PASSWORD_RULE]}
                >
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
              </Form>
            </Modal>
          </>
        );
      }}
    </QueryState>
  );
}
