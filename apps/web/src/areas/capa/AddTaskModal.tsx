import { useMutation } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { DATE_FORMAT, toApiDate } from '../../ui/dates';
import { applyServerErrors } from '../../ui/server-errors';
import { DocumentSelect } from './DocumentSelect';
import { UserSelect, type KnownUser } from './UserSelect';
import { validated } from './validated';

interface TaskForm {
  description: string;
  ownerId: string;
  dueDate: Dayjs;
  documentId?: string;
}

/** "Thêm hành động" to the current round: what, who, by when, and the document it revises. */
export function AddTaskModal({
  caId,
  known,
  open,
  onClose,
  onSaved,
}: {
  caId: string;
  known: KnownUser[];
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<TaskForm>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const add = useMutation({
    mutationFn: (values: TaskForm) =>
      call(
        api.POST('/api/v1/corrective-actions/{id}/actions', {
          params: { path: { id: caId } },
          body: {
            description: values.description.trim(),
            ownerId: values.ownerId,
            dueDate: toApiDate(values.dueDate) ?? '',
            documentId: values.documentId ?? null,
          },
        }),
      ),
    onSuccess: () => {
      void message.success('Đã thêm hành động khắc phục.');
      form.resetFields();
      onSaved();
      onClose();
    },
    onError: (failure) => setError(applyServerErrors(form, failure)),
  });
  const submit = async () => {
    setError(null);
    const values = await validated(form);
    if (values) add.mutate(values);
  };
  return (
    <Modal
      open={open}
      title="Thêm hành động khắc phục"
      okText="Thêm"
      cancelText="Hủy"
      confirmLoading={add.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      width={600}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="description"
          label="Nội dung hành động"
          rules={[{ required: true, whitespace: true, message: 'Nhập nội dung hành động.' }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="ownerId"
          label="Người thực hiện"
          rules={[{ required: true, message: 'Chọn người thực hiện.' }]}
        >
          <UserSelect known={known} />
        </Form.Item>
        <Form.Item
          name="dueDate"
          label="Hạn hoàn thành"
          rules={[{ required: true, message: 'Chọn hạn hoàn thành.' }]}
        >
          <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="documentId"
          label="Tài liệu cần sửa đổi"
          extra="Phiếu chỉ kết thúc khi tài liệu này có phiên bản mới có hiệu lực."
        >
          <DocumentSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}
