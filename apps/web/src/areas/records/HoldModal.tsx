import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { validated } from './validated';

/** Asks the reason of a hold (a hold stops disposal until it is released). */
export function HoldModal({
  open,
  onHold,
  onClose,
}: {
  open: boolean;
  onHold: (reason: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await validated(form);
    if (!values) return;
    const { reason } = values;
    setBusy(true);
    setError(null);
    try {
      await onHold(reason.trim());
      form.resetFields();
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title="Phong tỏa hồ sơ"
      okText="Phong tỏa"
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />
      ) : null}
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          name="reason"
          label="Lý do phong tỏa"
          rules={[{ required: true, whitespace: true, message: 'Nhập lý do phong tỏa.' }]}
          extra="Hồ sơ bị phong tỏa không được hủy cho đến khi được gỡ phong tỏa."
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
