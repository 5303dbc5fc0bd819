import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { api, call, ifMatch } from '../../api/client';
import { applyServerErrors } from '../../ui/server-errors';
import type { RecordType } from './types';
import { useOrgUnitOptions } from '../../ui/org-units';
import { validated } from './validated';

interface Values {
  code: string;
  name: string;
  permanent: boolean;
  retentionYears?: number;
  storagePlace: string;
  responsibleOrgUnitId: string;
}

/** Adds an entry to the Danh mục hồ sơ, or edits one (`editing`). Retention is asked in years. */
export function RecordTypeModal({
  open,
  editing,
  onClose,
}: {
  open: boolean;
  editing: RecordType | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const units = useOrgUnitOptions();
  const queryClient = useQueryClient();
  const permanent = Form.useWatch('permanent', form);
  const save = useMutation({
    mutationFn: (values: Values) => {
      const common = {
        code: values.code.trim(),
        name: values.name.trim(),
        storagePlace: values.storagePlace.trim(),
        responsibleOrgUnitId: values.responsibleOrgUnitId,
      };
      const months = values.permanent ? undefined : (values.retentionYears ?? 0) * 12;
      if (editing) {
        return call(
          api.PATCH('/api/v1/record-types/{id}', {
            params: { path: { id: editing.id }, header: ifMatch(editing.version) },
            body: { ...common, permanent: values.permanent, retentionMonths: months ?? null },
          }),
        );
      }
      return call(
        api.POST('/api/v1/record-types', {
          body: values.permanent ? { ...common, permanent: true } : { ...common, retentionMonths: months },
        }),
      );
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['records'] });
      onClose();
    },
    onError: (failure) => {
      const rest = applyServerErrors(form, failure);
      setError(rest);
    },
  });
  const submit = async () => {
    setError(null);
    const values = await validated(form);
    if (values) save.mutate(values);
  };
  const initial: Partial<Values> = editing
    ? {
        code: editing.code,
        name: editing.name,
        permanent: editing.permanent,
        retentionYears: editing.retentionMonths === null ? undefined : editing.retentionMonths / 12,
        storagePlace: editing.storagePlace,
        responsibleOrgUnitId: editing.responsibleOrgUnitId,
      }
    : { permanent: false };
  return (
    <Modal
      open={open}
      title={editing ? `Sửa loại hồ sơ ${editing.code}` : 'Thêm loại hồ sơ'}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        preserve={false}
        onFinish={() => void submit()}
      >
        <Form.Item
          name="code"
          label="Mã loại hồ sơ"
          rules={[{ required: true, whitespace: true, message: 'Nhập mã loại hồ sơ.' }]}
        >
          <Input maxLength={50} placeholder="Ví dụ: HS-TTHC-01" />
        </Form.Item>
        <Form.Item
          name="name"
          label="Tên loại hồ sơ"
          rules={[{ required: true, whitespace: true, message: 'Nhập tên loại hồ sơ.' }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="permanent" valuePropName="checked">
          <Checkbox>Lưu trữ vĩnh viễn</Checkbox>
        </Form.Item>
        {permanent ? null : (
          <Form.Item
            name="retentionYears"
            label="Thời hạn lưu trữ (năm)"
            rules={[
              { required: true, message: 'Nhập thời hạn lưu trữ.' },
              { type: 'number', min: 1, max: 100, message: 'Thời hạn lưu trữ từ 1 đến 100 năm.' },
            ]}
          >
            <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item
          name="storagePlace"
          label="Nơi lưu"
          rules={[{ required: true, whitespace: true, message: 'Nhập nơi lưu hồ sơ.' }]}
        >
          <Input maxLength={500} placeholder="Ví dụ: Tủ hồ sơ Văn phòng" />
        </Form.Item>
        <Form.Item
          name="responsibleOrgUnitId"
          label="Đơn vị lưu giữ"
          rules={[{ required: true, message: 'Chọn phòng, ban lưu giữ hồ sơ.' }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={units.isPending}
            options={units.options}
            placeholder="Chọn phòng, ban"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
