import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useState } from 'react';
import { api, call, ifMatch } from '../../api/client';
import { applyServerErrors } from '../../ui/server-errors';
import type { CorrectiveAction } from './capa-types';
import { UserSelect, type KnownUser } from './UserSelect';
import { validated } from './validated';

interface AnalysisForm {
  correction?: string;
  rootCause?: string;
  whys: string[];
  verifierId?: string;
  verificationDelayDays: number;
}

/** Edits correction, root cause, the 5 whys, the verifier and the delay (PATCH with If-Match). */
export function AnalysisModal({
  ca,
  known,
  open,
  onClose,
  onSaved,
}: {
  ca: CorrectiveAction;
  known: KnownUser[];
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<AnalysisForm>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (values: AnalysisForm) =>
      call(
        api.PATCH('/api/v1/corrective-actions/{id}', {
          params: { path: { id: ca.id }, header: ifMatch(ca.version) },
          body: {
            correction: values.correction?.trim() || null,
            rootCause: values.rootCause?.trim() || null,
            whys: values.whys.map((w) => w.trim()).filter(Boolean),
            verificationDelayDays: values.verificationDelayDays,
            ...(values.verifierId ? { verifierId: values.verifierId } : {}),
          },
        }),
      ),
    onSuccess: () => {
      void message.success('Đã lưu phân tích nguyên nhân.');
      onSaved();
      onClose();
    },
    onError: (failure) => setError(applyServerErrors(form, failure)),
  });
  const submit = async () => {
    setError(null);
    const values = await validated(form);
    if (values) save.mutate(values);
  };
  const locked = ca.state !== 'open' && ca.state !== 'planned' && ca.state !== 'in_progress';
  return (
    <Modal
      open={open}
      title="Phân tích nguyên nhân và phân công kiểm tra"
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          correction: ca.correction ?? '',
          rootCause: ca.rootCause ?? '',
          whys: ca.whys,
          verifierId: ca.verifierId ?? undefined,
          verificationDelayDays: ca.verificationDelayDays,
        }}
      >
        <Form.Item name="correction" label="Khắc phục tức thời">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="rootCause" label="Nguyên nhân gốc rễ">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.List name="whys">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item
                    name={field.name}
                    label={`Tại sao (${index + 1})`}
                    rules={[
                      { required: true, whitespace: true, message: 'Nhập câu trả lời hoặc xóa dòng này.' },
                    ]}
                    style={{ minWidth: 480 }}
                  >
                    <Input />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={`Xóa câu tại sao thứ ${index + 1}`}
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              {fields.length < 5 ? (
                <Button icon={<PlusOutlined />} onClick={() => add('')} style={{ marginBottom: 16 }}>
                  Thêm câu hỏi "Tại sao"
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
        <Form.Item
          name="verifierId"
          label="Người kiểm tra hiệu lực"
          extra="Đánh giá viên nội bộ, thư ký ISO hoặc lãnh đạo phê duyệt; không thực hiện hành động nào của phiếu."
        >
          <UserSelect known={known} />
        </Form.Item>
        <Form.Item
          name="verificationDelayDays"
          label="Số ngày chờ kiểm tra hiệu lực"
          rules={[{ required: true, message: 'Nhập số ngày chờ kiểm tra hiệu lực.' }]}
        >
          <InputNumber min={0} max={365} disabled={locked} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
