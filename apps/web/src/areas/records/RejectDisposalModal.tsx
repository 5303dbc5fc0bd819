import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { validated } from './validated';

/** Asks why a disposal batch is rejected (its records stay as they are). */
export function RejectDisposalModal({
  open,
  onReject,
  onClose,
}: {
  open: boolean;
  onReject: (reason: string) => Promise<unknown>;
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
      await onReject(reason.trim());
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
      title="Từ chối đề nghị hủy"
      okText="Từ chối"
      okButtonProps={{ danger: true }}
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
          label="Lý do từ chối"
          rules={[{ required: true, whitespace: true, message: 'Nhập lý do từ chối.' }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
