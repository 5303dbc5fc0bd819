import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { applyServerErrors } from '../../ui/server-errors';
import { validated } from './validated';

interface CreateForm {
  correction?: string;
  rootCause?: string;
  verificationDelayDays: number;
}

/** "Lập phiếu hành động khắc phục" for a nonconformity (POST /corrective-actions), then opens it. */
export function CreateCorrectiveActionModal({
  nonconformityId,
  open,
  onClose,
}: {
  nonconformityId: string;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<CreateForm>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (values: CreateForm) =>
      call(
        api.POST('/api/v1/corrective-actions', {
          body: {
            nonconformityId,
            correction: values.correction?.trim() || null,
            rootCause: values.rootCause?.trim() || null,
            verificationDelayDays: values.verificationDelayDays,
          },
        }),
      ),
    onSuccess: (ca) => {
      void queryClient.invalidateQueries({ queryKey: ['capa'] });
      void message.success('Đã lập phiếu yêu cầu hành động khắc phục.');
      onClose();
      void navigate(`/corrective-actions/${ca.id}`);
    },
    onError: (failure) => setError(applyServerErrors(form, failure)),
  });
  const submit = async () => {
    setError(null);
    const values = await validated(form);
    if (values) create.mutate(values);
  };
  return (
    <Modal
      open={open}
      title="Lập phiếu hành động khắc phục"
      okText="Lập phiếu"
      cancelText="Hủy"
      confirmLoading={create.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ verificationDelayDays: 90 }}>
        <Form.Item name="correction" label="Khắc phục tức thời">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="rootCause" label="Nguyên nhân gốc rễ">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="verificationDelayDays"
          label="Số ngày chờ kiểm tra hiệu lực (sau khi hoàn thành hành động cuối cùng)"
          rules={[{ required: true, message: 'Nhập số ngày chờ kiểm tra hiệu lực.' }]}
        >
          <InputNumber min={0} max={365} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
