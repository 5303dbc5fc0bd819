import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, call, ifMatch } from '../../api/client';
import { applyServerErrors } from '../../ui/server-errors';
import type { RiskDetail } from './risk-types';
import { validated } from './validated';

/** "Đóng" or "Mở lại" a risk with a reason (POST /risks/:id/close | reopen, with If-Match). */
export function ReasonModal({
  risk,
  action,
  open,
  onClose,
}: {
  risk: RiskDetail;
  action: 'close' | 'reopen';
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const closing = action === 'close';
  const send = useMutation({
    mutationFn: ({ reason }: { reason: string }) => {
      const options = {
        params: { path: { id: risk.id }, header: ifMatch(risk.version) },
        body: { reason: reason.trim() },
      };
      return call(
        closing
          ? api.POST('/api/v1/risks/{id}/close', options)
          : api.POST('/api/v1/risks/{id}/reopen', options),
      );
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(['risks', 'detail', risk.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['risks'] });
      void message.success(closing ? `Đã đóng ${risk.code}.` : `Đã mở lại ${risk.code}.`);
      form.resetFields();
      onClose();
    },
    onError: (failure) => setError(applyServerErrors(form, failure)),
  });
  const submit = async () => {
    setError(null);
    const values = await validated(form);
    if (values) send.mutate(values);
  };
  return (
    <Modal
      open={open}
      title={closing ? `Đóng ${risk.code}` : `Mở lại ${risk.code}`}
      okText={closing ? 'Xác nhận đóng' : 'Xác nhận mở lại'}
      cancelText="Hủy"
      confirmLoading={send.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="Lý do"
          htmlFor="risk-reason"
          rules={[
            { required: true, whitespace: true, message: 'Nhập lý do.' },
            { min: 3, message: 'Nhập ít nhất 3 ký tự.' },
          ]}
        >
          <Input.TextArea id="risk-reason" rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
