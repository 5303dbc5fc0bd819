import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { DATE_FORMAT, toApiDate } from '../../ui/dates';
import { applyServerErrors } from '../../ui/server-errors';
import { useRecordTypeOptions } from './use-record-types';
import { validated } from './validated';

interface Values {
  recordTypeId: string;
  title: string;
  recordDate: Dayjs;
  reference?: string;
  tthcCode?: string;
}

/** "Lập hồ sơ": a record of a type in the Danh mục hồ sơ; opens the new record. */
export function RecordCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const types = useRecordTypeOptions();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (values: Values) =>
      call(
        api.POST('/api/v1/records', {
          body: {
            recordTypeId: values.recordTypeId,
            title: values.title.trim(),
            recordDate: toApiDate(values.recordDate) ?? '',
            reference: values.reference?.trim() || undefined,
            tthcCode: values.tthcCode?.trim() || undefined,
          },
        }),
      ),
    onSuccess: async (record) => {
      await queryClient.invalidateQueries({ queryKey: ['records'] });
      form.resetFields();
      onClose();
      void navigate(`/records/${record.id}`);
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
      title="Lập hồ sơ"
      okText="Lập hồ sơ"
      cancelText="Hủy"
      confirmLoading={create.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />
      ) : null}
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          name="recordTypeId"
          label="Loại hồ sơ"
          rules={[{ required: true, message: 'Chọn loại hồ sơ trong Danh mục hồ sơ.' }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={types.data ?? []}
            loading={types.isPending}
            placeholder="Chọn loại hồ sơ"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label="Tên hồ sơ"
          rules={[{ required: true, whitespace: true, message: 'Nhập tên hồ sơ.' }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          name="recordDate"
          label="Ngày hồ sơ"
          rules={[{ required: true, message: 'Chọn ngày hồ sơ.' }]}
          extra="Thời hạn lưu trữ được tính từ ngày này."
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reference" label="Số, ký hiệu hồ sơ">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="tthcCode" label="Mã thủ tục hành chính">
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
