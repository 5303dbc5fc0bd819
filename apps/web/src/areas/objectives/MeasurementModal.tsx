import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Select, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { api, call, ifMatch } from '../../api/client';
import { uploadFiles } from '../../api/files';
import { applyServerErrors } from '../../ui/server-errors';
import { periodLabel, periodsBegun, todayInVietnam } from './objective-labels';
import type { ObjectiveDetail, ObjectiveMeasurement } from './objective-types';

interface MeasurementForm {
  period: string;
  value: number;
  note?: string;
}

/**
 * "Nhập số liệu" (POST …/measurements) or, given a measurement, "Sửa số liệu" (PATCH with
 * If-Match); an evidence file goes up after the figure is saved.
 */
export function MeasurementModal({
  open,
  onClose,
  objective,
  measurement,
}: {
  open: boolean;
  onClose: () => void;
  objective: ObjectiveDetail;
  measurement?: ObjectiveMeasurement;
}) {
  const [form] = Form.useForm<MeasurementForm>();
  const [error, setError] = useState<string | null>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const measured = new Set(objective.measurements.map((m) => m.period));
  const periods = periodsBegun(objective.year, objective.frequency, todayInVietnam()).filter(
    (p) => !measured.has(p) || p === measurement?.period,
  );

  useEffect(() => {
    if (!open) return;
    setError(null);
    setFiles([]);
    form.setFieldsValue(
      measurement
        ? { period: measurement.period, value: measurement.value, note: measurement.note ?? undefined }
        : { period: periods.at(-1) },
    );
  }, [open, measurement]);

  const save = useMutation({
    mutationFn: async (values: MeasurementForm) => {
      const base = `/api/v1/objectives/${objective.id}/measurements`;
      const saved = measurement
        ? await call(
            api.PATCH('/api/v1/objectives/{id}/measurements/{measurementId}', {
              params: {
                path: { id: objective.id, measurementId: measurement.id },
                header: ifMatch(measurement.version),
              },
              body: { value: values.value, note: values.note?.trim() || null },
            }),
          )
        : await call(
            api.POST('/api/v1/objectives/{id}/measurements', {
              params: { path: { id: objective.id } },
              body: { period: values.period, value: values.value, note: values.note?.trim() || null },
            }),
          );
      for (const file of files) {
        await uploadFiles(`${base}/${saved.id}/files`, { file: file.originFileObj as Blob });
      }
      return saved;
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['objectives'] });
      void message.success(`Đã lưu số liệu ${periodLabel(saved.period).toLowerCase()}.`);
      onClose();
    },
    onError: (failure) => {
      setError(applyServerErrors(form, failure));
      void queryClient.invalidateQueries({ queryKey: ['objectives'] });
    },
  });
  const submit = async () => {
    setError(null);
    try {
      save.mutate(await form.validateFields());
    } catch {
      // The form shows its messages on the fields.
    }
  };
  return (
    <Modal
      open={open}
      title={measurement ? `Sửa số liệu ${periodLabel(measurement.period).toLowerCase()}` : 'Nhập số liệu'}
      okText="Lưu số liệu"
      cancelText="Hủy"
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item name="period" label="Kỳ đo" rules={[{ required: true, message: 'Chọn kỳ đo.' }]}>
          <Select
            virtual={false}
            disabled={Boolean(measurement)}
            options={periods.map((p) => ({ value: p, label: periodLabel(p) }))}
            notFoundContent="Các kỳ đã bắt đầu đều đã có số liệu."
          />
        </Form.Item>
        <Form.Item
          name="value"
          label={`Giá trị (${objective.unit})`}
          rules={[{ required: true, message: 'Nhập giá trị.' }]}
        >
          <InputNumber style={{ width: '100%' }} decimalSeparator="," min={-1e12} max={1e12} />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú" rules={[{ max: 2000, message: 'Tối đa 2000 ký tự.' }]}>
          <Input.TextArea rows={2} placeholder="Ví dụ: 412 hồ sơ, 5 trễ hạn" />
        </Form.Item>
        <Form.Item label="Tệp bằng chứng">
          <Upload.Dragger
            multiple
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>Kéo thả hoặc bấm để chọn tệp (PDF, Word, Excel, ảnh)</p>
          </Upload.Dragger>
        </Form.Item>
      </Form>
    </Modal>
  );
}
