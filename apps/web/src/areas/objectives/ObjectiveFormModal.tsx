import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, call, ifMatch } from '../../api/client';
import { applyServerErrors } from '../../ui/server-errors';
import { AGGREGATION_LABELS, DIRECTION_LABELS, FREQUENCY_LABELS } from './objective-labels';
import type {
  ObjectiveAggregation,
  ObjectiveDetail,
  ObjectiveDirection,
  ObjectiveFrequency,
} from './objective-types';
import { OrgUnitSelect } from '../../ui/org-units';

interface ObjectiveForm {
  year: number;
  statement: string;
  kpiName: string;
  unit: string;
  direction: ObjectiveDirection;
  target: number;
  frequency: ObjectiveFrequency;
  aggregation: ObjectiveAggregation;
  ownerOrgUnitId: string;
}

const required = (what: string) => ({ required: true, message: `Nhập ${what}.` });
const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

/**
 * "Xây dựng mục tiêu" (POST /objectives) or, given an objective, "Sửa mục tiêu" (PATCH with
 * If-Match). Year and frequency are locked once the objective has figures (the server says so too).
 */
export function ObjectiveFormModal({
  open,
  onClose,
  objective,
  defaultYear,
}: {
  open: boolean;
  onClose: () => void;
  objective?: ObjectiveDetail;
  defaultYear?: number;
}) {
  const [form] = Form.useForm<ObjectiveForm>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const measured = (objective?.measurements.length ?? 0) > 0;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.setFieldsValue(
      objective
        ? {
            year: objective.year,
            statement: objective.statement,
            kpiName: objective.kpiName,
            unit: objective.unit,
            direction: objective.direction,
            target: objective.target,
            frequency: objective.frequency,
            aggregation: objective.aggregation,
            ownerOrgUnitId: objective.ownerOrgUnitId,
          }
        : {
            year: defaultYear ?? new Date().getFullYear(),
            direction: 'at_least',
            frequency: 'monthly',
            aggregation: 'average',
            unit: '%',
          },
    );
  }, [open, objective, defaultYear, form]);

  const save = useMutation({
    mutationFn: (values: ObjectiveForm) =>
      objective
        ? call(
            api.PATCH('/api/v1/objectives/{id}', {
              params: { path: { id: objective.id }, header: ifMatch(objective.version) },
              body: values,
            }),
          )
        : call(api.POST('/api/v1/objectives', { body: values })),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['objectives'] });
      void message.success(objective ? 'Đã lưu mục tiêu.' : 'Đã xây dựng mục tiêu chất lượng.');
      form.resetFields();
      onClose();
      if (!objective) void navigate(`/objectives/${saved.id}`);
    },
    onError: (failure) => setError(applyServerErrors(form, failure)),
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
      title={objective ? 'Sửa mục tiêu chất lượng' : 'Xây dựng mục tiêu chất lượng'}
      okText={objective ? 'Lưu' : 'Xây dựng'}
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
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="statement"
          label="Nội dung mục tiêu"
          rules={[
            required('nội dung mục tiêu'),
            { min: 3, max: 500, message: 'Nội dung dài từ 3 đến 500 ký tự.' },
          ]}
        >
          <Input.TextArea rows={2} placeholder="≥ 98% hồ sơ TTHC giải quyết đúng hạn" />
        </Form.Item>
        <Form.Item
          name="kpiName"
          label="Tên chỉ số"
          rules={[
            required('tên chỉ số'),
            { min: 2, max: 200, message: 'Tên chỉ số dài từ 2 đến 200 ký tự.' },
          ]}
        >
          <Input placeholder="Tỷ lệ hồ sơ TTHC giải quyết đúng hạn" />
        </Form.Item>
        <Form.Item
          name="ownerOrgUnitId"
          label="Đơn vị chủ trì"
          rules={[{ required: true, message: 'Chọn đơn vị chủ trì.' }]}
        >
          <OrgUnitSelect activeOnly />
        </Form.Item>
        <Form.Item
          name="direction"
          label="Chiều đánh giá"
          rules={[{ required: true, message: 'Chọn chiều đánh giá.' }]}
        >
          <Select options={options(DIRECTION_LABELS)} />
        </Form.Item>
        <Form.Item name="target" label="Chỉ tiêu" rules={[{ required: true, message: 'Nhập chỉ tiêu.' }]}>
          <InputNumber style={{ width: '100%' }} decimalSeparator="," min={-1e12} max={1e12} />
        </Form.Item>
        <Form.Item
          name="unit"
          label="Đơn vị tính"
          rules={[required('đơn vị tính'), { max: 30, message: 'Tối đa 30 ký tự.' }]}
        >
          <Input placeholder="%" />
        </Form.Item>
        <Form.Item
          name="year"
          label="Năm"
          rules={[{ required: true, message: 'Nhập năm.' }]}
          extra={measured ? 'Mục tiêu đã có số liệu: không đổi năm, tần suất đo.' : undefined}
        >
          <InputNumber style={{ width: '100%' }} min={2000} max={2100} precision={0} disabled={measured} />
        </Form.Item>
        <Form.Item
          name="frequency"
          label="Tần suất đo"
          rules={[{ required: true, message: 'Chọn tần suất đo.' }]}
        >
          <Select options={options(FREQUENCY_LABELS)} disabled={measured} />
        </Form.Item>
        <Form.Item name="aggregation" label="Cách tính kết quả năm">
          <Select options={options(AGGREGATION_LABELS)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
