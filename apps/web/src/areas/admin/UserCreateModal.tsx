import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { ROLE_LABELS, type Role } from '../../auth/permissions';
import { useAuth } from '../../auth/use-auth';
import { applyServerErrors } from '../../ui/server-errors';
import { useAgencyOptions } from './use-agency-options';
import { useOrgUnitOptions } from './use-org-unit-options';

interface Values {
  username: string;
  fullName: string;
  password: string;
  agencyId?: string;
  orgUnitId?: string;
  position?: string;
  email?: string;
  roles: Role[];
}

export const PASSWORD_RULE = {
  pattern: /^(?=.*\p{L})(?=.*\d).{8,128}$/u,
  message: 'Mật khẩu phải dài 8–128 ký tự, có ít nhất một chữ cái và một chữ số.',
};

/** Creating an account with a temporary password: its holder must change it at first login. */
export function UserCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { me } = useAuth();
  const isSystemAdmin = !!me && me.agencyId === null;
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const chosenAgency = Form.useWatch('agencyId', form);
  const agencyId = isSystemAdmin ? chosenAgency : me?.agencyId;
  const agencies = useAgencyOptions(chosenAgency);
  const units = useOrgUnitOptions(agencyId);
  const roles = Object.entries(ROLE_LABELS)
    .filter(([role]) => isSystemAdmin || (role !== 'admin' && role !== 'overseer'))
    .map(([value, label]) => ({ value, label }));

  const create = useMutation({
    mutationFn: (values: Values) =>
      call(
        api.POST('/api/v1/users', {
          body: {
            username: values.username.trim(),
            fullName: values.fullName.trim(),
            password: values.password,
            roles: values.roles,
            ...(agencyId ? { agencyId } : {}),
            ...(values.orgUnitId ? { orgUnitId: values.orgUnitId } : {}),
            ...(values.position ? { position: values.position } : {}),
            ...(values.email ? { email: values.email } : {}),
          },
        }),
      ),
    onSuccess: async (user) => {
      void message.success(
        `Đã tạo tài khoản ${user.username}. Người dùng phải đổi mật khẩu tạm ở lần đăng nhập đầu tiên.`,
      );
      form.resetFields();
      setError(null);
      await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
      onClose();
    },
    onError: (failure) => setError(applyServerErrors(form, failure)),
  });

  return (
    <Modal
      open={open}
      title="Thêm người dùng"
      okText="Tạo tài khoản"
      cancelText="Hủy"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      forceRender
    >
      {error ? (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(values) => create.mutate(values)}>
        <Form.Item
          name="fullName"
          label="Họ và tên"
          rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên.' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="username"
          label="Tên đăng nhập"
          extra="Chữ không dấu, số, dấu chấm, gạch."
          rules={[
            { required: true, message: 'Nhập tên đăng nhập.' },
            {
              pattern: /^[A-Za-z0-9._-]+$/,
              message: 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch.',
            },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label="Mật khẩu tạm"
          extra="Người dùng phải đổi mật khẩu này ở lần đăng nhập đầu tiên."
          rules={[{ required: true, message: 'Nhập mật khẩu tạm.' }, PASSWORD_RULE]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {isSystemAdmin ? (
          <Form.Item name="agencyId" label="Cơ quan" extra="Bỏ trống chỉ với tài khoản quản trị hệ thống.">
            <Select allowClear placeholder="Chọn cơ quan" {...agencies.selectProps} />
          </Form.Item>
        ) : null}
        <Form.Item name="orgUnitId" label="Phòng, ban">
          <Select
            allowClear
            placeholder={agencyId ? 'Chọn phòng, ban' : 'Chọn cơ quan trước'}
            options={units.options}
            loading={units.loading}
            disabled={!agencyId}
          />
        </Form.Item>
        <Form.Item name="position" label="Chức vụ">
          <Input />
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
          <Checkbox.Group options={roles} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
