import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { applyServerErrors } from '../../ui/server-errors';
import { TYPE_OPTIONS, type DocumentType } from './labels';
import { useIsoClauses } from './use-iso-clauses';
import { useOrgUnitOptions } from '../../ui/org-units';

interface Values {
  code: string;
  title: string;
  type: DocumentType;
  ownerOrgUnitId?: string;
  isoClauses?: string[];
  tthcCodes?: string[];
  reviewIntervalMonths: number;
  distributionOrgUnitIds?: string[];
}

/** "Tạo tài liệu": the document and its first draft; then its page opens. */
export function CreateDocumentModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const units = useOrgUnitOptions();
  const clauses = useIsoClauses(open);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const unitOptions = units.options;

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await call(
        api.POST('/api/v1/documents', {
          body: {
            code: values.code.trim(),
            title: values.title.trim(),
            type: values.type,
            ownerOrgUnitId: values.ownerOrgUnitId,
            isoClauses: values.isoClauses ?? [],
            tthcCodes: values.tthcCodes ?? [],
            reviewIntervalMonths: values.reviewIntervalMonths,
            distribution: values.distributionOrgUnitIds?.length
              ? { orgUnitIds: values.distributionOrgUnitIds }
              : undefined,
          },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['documents', 'list'] });
      form.resetFields();
      onClose();
      await navigate(`/documents/${created.id}`);
    } catch (failure) {
      setError(applyServerErrors(form, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="Tạo tài liệu"
      okText="Tạo tài liệu"
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ type: 'procedure', reviewIntervalMonths: 12 }}
        onFinish={() => void submit()}
      >
        <Form.Item
          name="code"
          label="Mã hiệu"
          extra="Duy nhất trong cơ quan, ví dụ QT-HT-01."
          rules={[
            { required: true, whitespace: true, message: 'Nhập mã hiệu tài liệu.' },
            { max: 64, message: 'Mã hiệu dài tối đa 64 ký tự.' },
            {
              pattern: /^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u,
              message: 'Mã hiệu chỉ gồm chữ, số và các dấu - _ . /',
            },
          ]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item
          name="title"
          label="Tên tài liệu"
          rules={[
            { required: true, whitespace: true, message: 'Nhập tên tài liệu.' },
            { min: 3, message: 'Tên tài liệu dài ít nhất 3 ký tự.' },
            { max: 500, message: 'Tên tài liệu dài tối đa 500 ký tự.' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="type"
          label="Loại tài liệu"
          rules={[{ required: true, message: 'Chọn loại tài liệu.' }]}
        >
          <Select options={TYPE_OPTIONS.filter((o) => o.value !== 'external')} />
        </Form.Item>
        <Form.Item name="ownerOrgUnitId" label="Phòng, ban chủ trì">
          <Select allowClear loading={units.isPending} options={unitOptions} placeholder="Chọn phòng, ban" />
        </Form.Item>
        <Form.Item name="isoClauses" label="Điều khoản ISO 9001">
          <Select
            mode="multiple"
            allowClear
            loading={clauses.isPending}
            optionFilterProp="label"
            placeholder="Chọn điều khoản"
            options={(clauses.data ?? []).map((c) => ({
              value: c.number,
              label: `${c.number} ${c.titleVi}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="tthcCodes"
          label="Mã thủ tục hành chính"
          extra="Gõ mã rồi nhấn Enter, ví dụ 1.000948."
          rules={[
            {
              validator: (_, value: string[] | undefined) =>
                (value ?? []).every((code) => /^[\w.-]{3,40}$/.test(code))
                  ? Promise.resolve()
                  : Promise.reject(new Error('Mã thủ tục hành chính dài 3–40 ký tự, gồm chữ, số, dấu chấm.')),
            },
          ]}
        >
          <Select mode="tags" open={false} tokenSeparators={[',', ' ']} />
        </Form.Item>
        <Form.Item
          name="reviewIntervalMonths"
          label="Chu kỳ xem xét lại (tháng)"
          rules={[{ required: true, message: 'Nhập chu kỳ xem xét lại.' }]}
        >
          <InputNumber min={1} max={120} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="distributionOrgUnitIds"
          label="Phân phối đến phòng, ban"
          extra="Cán bộ của các phòng, ban này được báo khi ban hành và phải xác nhận đã đọc."
        >
          <Select
            mode="multiple"
            allowClear
            options={unitOptions}
            optionFilterProp="label"
            placeholder="Chọn phòng, ban"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
