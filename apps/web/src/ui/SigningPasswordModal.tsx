import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../api/api-error';

/**
 * The password prompt of an electronic signature: the signer types their password again; a
 * wrong one shows the server's message with the attempts left (the fifth locks signing).
 */
export function SigningPasswordModal({
  open,
  title,
  meaning,
  onSign,
  onClose,
}: {
  open: boolean;
  title: string;
  /** What the signature means, shown above the field (e.g. "Phê duyệt QT-HT-01, lần ban hành 2"). */
  meaning: string;
  onSign: (password: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [attemptsLeft, setAttemptsLeft] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    let password: string;
    try {
      ({ password } = await form.validateFields());
    } catch {
      // The field shows its own message.
      return;
    }
    setBusy(true);
    try {
      await onSign(password);
      form.resetFields();
      setError(null);
      setAttemptsLeft(null);
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      const left = failure instanceof ApiError ? failure.details.attemptsLeft : undefined;
      setAttemptsLeft(typeof left === 'number' ? left : null);
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText="Ký"
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{meaning}</Typography.Paragraph>
      {error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={error}
          description={
            attemptsLeft !== null ? `Còn ${attemptsLeft} lần thử trước khi chức năng ký bị khóa.` : undefined
          }
          role="alert"
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          name="password"
          label="Mật khẩu ký"
          rules={[{ required: true, message: 'Nhập mật khẩu để ký.' }]}
        >
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
