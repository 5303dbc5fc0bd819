import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';

/** A comment to send with a step: required when returning a draft, optional when passing it. */
export function CommentModal({
  open,
  title,
  okText,
  required,
  description,
  onSend,
  onClose,
}: {
  open: boolean;
  title: string;
  okText: string;
  required: boolean;
  description?: string;
  onSend: (comment: string | undefined) => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ comment?: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    let values: { comment?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await onSend(values.comment?.trim() || undefined);
      onClose();
    } catch {
      // The caller showed the server's message; the comment stays for another try.
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
      {description ? <Typography.Paragraph>{description}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="comment"
          label={required ? 'Ý kiến (bắt buộc)' : 'Ý kiến (không bắt buộc)'}
          rules={
            required
              ? [
                  {
                    required: true,
                    whitespace: true,
                    message: 'Nhập ý kiến để người soạn thảo biết cần sửa gì.',
                  },
                ]
              : []
          }
        >
          <Input.TextArea rows={4} maxLength={2000} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
