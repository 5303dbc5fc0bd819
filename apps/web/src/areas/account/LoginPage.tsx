import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { useAuth } from '../../auth/use-auth';

/** Only paths of this site: `?next=https://elsewhere` must not send the user away. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

interface LoginValues {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { login, signedIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (signedIn) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (values: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      const me = await login(values.username.trim(), values.password);
      await navigate(me.mustChangePassword ? '/change-password' : safeNext(params.get('next')), {
        replace: true,
      });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <main>
        <Card style={{ width: 380 }}>
          <h1 style={{ fontSize: 22, fontWeight: 600, textAlign: 'center', margin: '0 0 4px' }}>eISO</h1>
          <p style={{ textAlign: 'center', color: 'rgba(0, 0, 0, 0.68)' }}>
            Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015
          </p>
          {error ? (
            <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
          ) : null}
          <Form<LoginValues>
            layout="vertical"
            onFinish={(values) => void submit(values)}
            requiredMark={false}
          >
            <Form.Item
              name="username"
              label="Tên đăng nhập"
              rules={[{ required: true, message: 'Nhập tên đăng nhập.' }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label="Mật khẩu"
              rules={[{ required: true, message: 'Nhập mật khẩu.' }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              Đăng nhập
            </Button>
          </Form>
        </Card>
      </main>
    </Flex>
  );
}
