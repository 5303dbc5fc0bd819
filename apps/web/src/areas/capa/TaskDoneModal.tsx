import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Progress, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { uploadFiles } from '../../api/files';
import { DATE_FORMAT, toApiDate } from '../../ui/dates';
import { applyServerErrors } from '../../ui/server-errors';
import type { CorrectiveActionTask } from './capa-types';
import { validated } from './validated';

interface DoneForm {
  note: string;
  doneOn: Dayjs;
}

/**
 * The owner reports an action done: the result, the date, and evidence files (uploaded first,
 * with progress; files already sent stay on the action if the report itself is refused).
 */
export function TaskDoneModal({
  caId,
  task,
  onClose,
  onSaved,
}: {
  caId: string;
  task: CorrectiveActionTask | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<DoneForm>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const close = () => {
    setFiles([]);
    setProgress(null);
    setError(null);
    onClose();
  };
  const done = useMutation({
    mutationFn: async (values: DoneForm) => {
      if (!task) return;
      const base = `/api/v1/corrective-actions/${caId}/actions/${task.id}`;
      const pending = files.filter((f) => f.status !== 'done');
      for (const [index, file] of pending.entries()) {
        setProgress(Math.round((index / pending.length) * 100));
        await uploadFiles(`${base}/files`, { file: file.originFileObj as Blob }, (percent) =>
          setProgress(Math.round(((index + percent / 100) / pending.length) * 100)),
        );
        setFiles((all) => all.map((f) => (f.uid === file.uid ? { ...f, status: 'done' } : f)));
      }
      setProgress(100);
      return call(
        api.POST('/api/v1/corrective-actions/{id}/actions/{actionId}/done', {
          params: { path: { id: caId, actionId: task.id } },
          body: { note: values.note.trim(), doneOn: toApiDate(values.doneOn) },
        }),
      );
    },
    onSuccess: () => {
      void message.success('Đã báo cáo hoàn thành hành động.');
      form.resetFields();
      onSaved();
      close();
    },
    onError: (failure) => {
      setProgress(null);
      setError(applyServerErrors(form, failure));
      onSaved();
    },
  });
  const submit = async () => {
    setError(null);
    const values = await validated(form);
    if (values) done.mutate(values);
  };
  return (
    <Modal
      open={task !== null}
      title="Báo cáo hoàn thành hành động"
      okText="Báo cáo hoàn thành"
      cancelText="Hủy"
      confirmLoading={done.isPending}
      onOk={() => void submit()}
      onCancel={close}
      width={600}
      destroyOnHidden
    >
      <Typography.Paragraph strong>{task?.description}</Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ doneOn: dayjs() }}>
        <Form.Item
          name="note"
          label="Kết quả thực hiện"
          rules={[{ required: true, whitespace: true, message: 'Nhập kết quả thực hiện.' }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="doneOn"
          label="Ngày hoàn thành"
          rules={[{ required: true, message: 'Chọn ngày hoàn thành.' }]}
        >
          <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item label="Tệp bằng chứng" htmlFor="capa-evidence-input">
          <Upload
            id="capa-evidence-input"
            multiple
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<UploadOutlined />}>Chọn tệp bằng chứng</Button>
          </Upload>
        </Form.Item>
        {progress !== null ? (
          <Progress percent={progress} aria-label="Tiến độ tải tệp bằng chứng lên" />
        ) : null}
      </Form>
    </Modal>
  );
}
