import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { api, call } from '../../api/client';
import type { CorrectiveAction } from './capa-types';
import { validated } from './validated';

interface VerifyForm {
  effective: boolean;
  reason?: string;
}

/**
 * The verifier's conclusion: effective (closes the action and its nonconformity) or not (a new
 * round). The server's refusals (too early, with the date; a document not revised; an owner
 * verifying) are shown as they come.
 */
export function VerificationModal({
  ca,
  open,
  onClose,
  onSaved,
}: {
  ca: CorrectiveAction;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<VerifyForm>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const effective = Form.useWatch('effective', form);
  const verify = useMutation({
    mutationFn: (values: VerifyForm) =>
      call(
        api.POST('/api/v1/corrective-actions/{id}/verification', {
          params: { path: { id: ca.id } },
          body: { effective: values.effective, reason: values.reason?.trim() || undefined },
        }),
      ),
    onSuccess: (result) => {
      void message.success(
        result.state === 'closed'
          ? 'Đã kết luận có hiệu lực: phiếu và sự không phù hợp đã kết thúc.'
          : 'Đã kết luận chưa có hiệu lực: phiếu chuyển sang lần thực hiện mới.',
      );
      form.resetFields();
      setError(null);
      onSaved();
      onClose();
    },
    onError: (failure) => setError(errorMessage(failure)),
  });
  const submit = async () => {
    setError(null);
    const values = await validated(form);
    if (values) verify.mutate(values);
  };
  return (
    <Modal
      open={open}
      title="Kiểm tra hiệu lực"
      okText="Ghi kết luận"
      cancelText="Hủy"
      confirmLoading={verify.isPending}
      onOk={() => void submit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ effective: true }}>
        <Form.Item name="effective" label="Kết luận" rules={[{ required: true, message: 'Chọn kết luận.' }]}>
          <Radio.Group
            options={[
              { value: true, label: 'Có hiệu lực' },
              { value: false, label: 'Chưa có hiệu lực' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="Nhận xét"
          rules={[
            {
              required: effective === false,
              whitespace: true,
              message: 'Nhập lý do khi kết luận chưa có hiệu lực.',
            },
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
