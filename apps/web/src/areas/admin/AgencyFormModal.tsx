import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, call, ifMatch } from '../../api/client';
import { applyServerErrors } from '../../ui/server-errors';
import { AGENCY_LEVEL_LABELS, type Agency, type AgencyLevel } from './labels';
import { useAgencyOptions } from './use-agency-options';

interface Values {
  name: string;
  code?: string;
  abbreviation?: string;
  place?: string;
  level: AgencyLevel;
  parentId?: string;
  roadmapYear?: number;
}

/** Creating an agency (agency: null) or editing one. */
export function AgencyFormModal({
  open,
  agency,
  onClose,
}: {
  open: boolean;
  agency: Agency | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const parentId = Form.useWatch('parentId', form);
  const parents = useAgencyOptions(parentId ?? agency?.parentId);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (agency) {
      form.setFieldsValue({
        name: agency.name,
        code: agency.code ?? undefined,
        abbreviation: agency.abbreviation ?? undefined,
        place: agency.place ?? undefined,
        level: agency.level,
        parentId: agency.parentId ?? undefined,
        roadmapYear: agency.roadmapYear ?? undefined,
      });
    }
  }, [open, agency, form]);

  const save = useMutation({
    mutationFn: async (values: Values) => {
      if (agency) {
        return call(
          api.PATCH('/api/v1/agencies/{id}', {
            params: { path: { id: agency.id }, header: ifMatch(agency.version) },
            body: {
              name: values.name,
              code: values.code || null,
              abbreviation: values.abbreviation || null,
              place: values.place || null,
              level: values.level,
              parentId: values.parentId ?? null,
              roadmapYear: values.roadmapYear ?? null,
            },
          }),
        );
      }
      return call(
        api.POST('/api/v1/agencies', {
          body: {
            name: values.name,
            level: values.level,
            ...(values.code ? { code: values.code } : {}),
            ...(values.abbreviation ? { abbreviation: values.abbreviation } : {}),
            ...(values.place ? { place: values.place } : {}),
            ...(values.parentId ? { parentId: values.parentId } : {}),
            ...(values.roadmapYear ? { roadmapYear: values.roadmapYear } : {}),
          },
        }),
      );
    },
    onSuccess: async (saved) => {
      void message.success(agency ? `Đã lưu cơ quan “${saved.name}”.` : `Đã tạo cơ quan “${saved.name}”.`);
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
      onClose();
    },
    onError: (failure) => setError(applyServerErrors(form, failure)),
  });

  return (
    <Modal
      open={open}
      title={agency ? 'Sửa thông tin cơ quan' : 'Thêm cơ quan'}
      okText={agency ? 'Lưu' : 'Tạo'}
      cancelText="Hủy"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item
          name="name"
          label="Tên cơ quan"
          rules={[{ required: true, whitespace: true, message: 'Nhập tên cơ quan.' }]}
        >
          <Input maxLength={255} />
        </Form.Item>
        <Form.Item name="level" label="Cấp" rules={[{ required: true, message: 'Chọn cấp của cơ quan.' }]}>
          <Select options={Object.entries(AGENCY_LEVEL_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="parentId" label="Cơ quan cấp trên">
          <Select allowClear placeholder="Không có" {...parents.selectProps} />
        </Form.Item>
        <Form.Item
          name="roadmapYear"
          label="Năm phải hoàn thành theo lộ trình"
          rules={[{ type: 'number', min: 2000, max: 2100, message: 'Năm lộ trình từ 2000 đến 2100.' }]}
        >
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="code" label="Mã cơ quan">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="abbreviation"
          label="Ký hiệu trong số văn bản"
          rules={[{ max: 20, message: 'Ký hiệu dài tối đa 20 ký tự.' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="place"
          label="Địa danh ghi trên văn bản"
          rules={[{ max: 100, message: 'Tối đa 100 ký tự.' }]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
