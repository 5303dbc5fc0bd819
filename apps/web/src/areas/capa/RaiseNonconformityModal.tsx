import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { DATE_FORMAT, toApiDate } from '../../ui/dates';
import { applyServerErrors } from '../../ui/server-errors';
import { NC_SEVERITY_LABELS, NC_SOURCE_LABELS, RAISABLE_SOURCES } from './capa-labels';
import type { NonconformitySeverity, NonconformitySource } from './capa-types';
import { ClauseSelect } from './ClauseSelect';
import { OrgUnitSelect } from '../../ui/org-units';
import { validated } from './validated';

interface RaiseForm {
  source: NonconformitySource;
  severity: NonconformitySeverity;
  title: string;
  description: string;
  clause?: string;
  orgUnitId?: string;
  detectedOn?: Dayjs;
  complainant?: string;
  complaintRef?: string;
  tthcCode?: string;
  dossierNumber?: string;
  daysLate?: number;
  managementReviewRef?: string;
}

const required = (what: string) => ({ required: true, whitespace: true, message: `Nhập ${what}.` });

/** "Ghi nhận sự không phù hợp" (POST /nonconformities); opens the new one when saved. */
export function RaiseNonconformityModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<RaiseForm>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const source = Form.useWatch('source', form);
  const raise = useMutation({
    mutationFn: (values: RaiseForm) =>
      call(
        api.POST('/api/v1/nonconformities', {
          body: { ...values, detectedOn: toApiDate(values.detectedOn) },
        }),
      ),
    onSuccess: (nc) => {
      void queryClient.invalidateQueries({ queryKey: ['capa'] });
      void message.success(`Đã ghi nhận sự không phù hợp số ${nc.number}.`);
      form.resetFields();
      onClose();
      void navigate(`/nonconformities/${nc.id}`);
    },
    onError: (failure) => setError(applyServerErrors(form, failure)),
  });
  const submit = async () => {
    setError(null);
    const values = await validated(form);
    if (values) raise.mutate(values);
  };
  return (
    <Modal
      open={open}
      title="Ghi nhận sự không phù hợp"
      okText="Ghi nhận"
      cancelText="Hủy"
      confirmLoading={raise.isPending}
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
        initialValues={{ source: 'self', severity: 'minor', detectedOn: dayjs() }}
      >
        <Form.Item name="source" label="Nguồn" rules={[{ required: true, message: 'Chọn nguồn.' }]}>
          <Select options={RAISABLE_SOURCES.map((s) => ({ value: s, label: NC_SOURCE_LABELS[s] }))} />
        </Form.Item>
        <Form.Item name="severity" label="Mức độ" rules={[{ required: true, message: 'Chọn mức độ.' }]}>
          <Select
            options={(['major', 'minor'] as const).map((s) => ({ value: s, label: NC_SEVERITY_LABELS[s] }))}
          />
        </Form.Item>
        <Form.Item name="title" label="Tiêu đề" rules={[required('tiêu đề')]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="description" label="Mô tả" rules={[required('mô tả')]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="clause" label="Điều khoản">
          <ClauseSelect />
        </Form.Item>
        <Form.Item name="orgUnitId" label="Đơn vị liên quan">
          <OrgUnitSelect />
        </Form.Item>
        <Form.Item name="detectedOn" label="Ngày phát hiện">
          <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {source === 'complaint' ? (
          <>
            <Form.Item name="complainant" label="Người phản ánh, kiến nghị">
              <Input />
            </Form.Item>
            <Form.Item name="complaintRef" label="Số phản ánh, kiến nghị">
              <Input />
            </Form.Item>
          </>
        ) : null}
        {source === 'late_dossier' ? (
          <>
            <Form.Item
              name="tthcCode"
              label="Mã thủ tục hành chính"
              rules={[required('mã thủ tục hành chính')]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="dossierNumber" label="Số hồ sơ" rules={[required('số hồ sơ')]}>
              <Input />
            </Form.Item>
            <Form.Item
              name="daysLate"
              label="Số ngày trễ hạn"
              rules={[{ required: true, message: 'Nhập số ngày trễ hạn.' }]}
            >
              <InputNumber min={1} />
            </Form.Item>
          </>
        ) : null}
        {source === 'management_review' ? (
          <Form.Item name="managementReviewRef" label="Biên bản xem xét của lãnh đạo">
            <Input />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
