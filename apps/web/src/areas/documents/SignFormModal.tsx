import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError, errorMessage } from '../../api/api-error';
import { applyServerErrors } from '../../ui/server-errors';

/**
 * A signature that needs more than the password (issue: the effective date; withdraw: the
 * reason): the fields, then the signer's password; a wrong one shows the server's message with
 * the attempts left.
 */
export function SignFormModal<T extends object>({
  open,
  title,
  meaning,
  okText,
  initialValues,
  children,
  onSign,
  onClose,
}: {
  open: boolean;
  title: string;
  meaning: string;
  okText: string;
  initialValues?: Partial<T>;
  children: ReactNode;
  onSign: (values: T & { password: string }) => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const [error, setError] = useState<string | null>(null);
  const [attemptsLeft, setAttemptsLeft] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    let values: T & { password: string };
    try {
      values = (await form.validateFields()) as T & { password: string };
    } catch {
      return;
    }
    setBusy(true);
    try {
      await onSign(values);
      setError(null);
      setAttemptsLeft(null);
      onClose();
    } catch (failure) {
      setError(applyServerErrors(form, failure) ?? errorMessage(failure));
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
      okText={okText}
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
          title={error}
          description={
            attemptsLeft !== null ? `Còn ${attemptsLeft} lần thử trước khi chức năng ký bị khóa.` : undefined
          }
          role="alert"
        />
      ) : null}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={() => void submit()}>
        {children}
        <Form.Item
          name="password"
          label="Mật khẩu ký"
          rules={[{ required: true, message: 'Nhập mật khẩu để ký.' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
