import { Alert, Button, Card, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { sessionStore } from '../../api/session-store';
import { useAuth } from '../../auth/use-auth';
import { PageHeader } from '../../ui/PageHeader';
import { applyServerErrors } from '../../ui/server-errors';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Changing one's own password; forced first when an administrator set a temporary one. */
export default function ChangePasswordPage() {
  const { me } = useAuth();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const session = await call(
        api.POST('/api/v1/me/password', {
          body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
        }),
      );
      // Every other session ended; this tab goes on with the new one.
      sessionStore.save(session);
      // Every query refused while the password was temporary (the bell, say) asks again.
      await queryClient.invalidateQueries();
      await navigate('/', { replace: true });
    } catch (failure) {
      setError(applyServerErrors(form, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ maxWidth: 520, margin: me?.mustChangePassword ? '48px auto' : undefined }}>
      <PageHeader title="Đổi mật khẩu" />
      {me?.mustChangePassword ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="Mật khẩu của bạn do người khác đặt. Hãy đặt mật khẩu mới trước khi làm việc."
        />
      ) : null}
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Card>
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item
            name="currentPassword"
            label="Mật khẩu hiện tại"
            rules={[{ required: true, message: 'Nhập mật khẩu hiện tại.' }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label="Mật khẩu mới"
            extra="Dài 8–128 ký tự, có ít nhất một chữ cái và một chữ số."
            rules={[
              { required: true, message: 'Nhập mật khẩu mới.' },
              {
                pattern: /^(?=.*\p{L})(?=.*\d).{8,128}$/u,
                message: 'Mật khẩu phải dài 8–128 ký tự, có ít nhất một chữ cái và một chữ số.',
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label="Nhập lại mật khẩu mới"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: 'Nhập lại mật khẩu mới.' },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || getFieldValue('newPassword') === value
                    ? Promise.resolve()
                    : Promise.reject(new Error('Hai lần nhập mật khẩu mới không khớp.')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            Đổi mật khẩu
          </Button>
        </Form>
      </Card>
    </div>
  );
}
