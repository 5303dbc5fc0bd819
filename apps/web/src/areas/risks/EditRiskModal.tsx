import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, call, ifMatch } from '../../api/client';
import { DATE_FORMAT, fromApiDate, toApiDate } from '../../ui/dates';
import { applyServerErrors } from '../../ui/server-errors';
import { RISK_CONTEXT_LABELS } from './risk-labels';
import type { RiskContext, RiskDetail } from './risk-types';
import { OrgUnitSelect } from '../../ui/org-units';
import { RiskOwnerSelect } from './RiskOwnerSelect';
import { validated } from './validated';

interface EditForm {
  context: RiskContext;
  contextNote?: string;
  description: string;
  treatment: string;
  ownerOrgUnitId: string;
  ownerUserId?: string | null;
  reviewDate: Dayjs;
}

const rules = (what: string) => [
  { required: true, whitespace: true, message: `Nhập ${what}.` },
  { min: 3, message: 'Nhập ít nhất 3 ký tự.' },
];

/** "Sửa" (PATCH /risks/:id with If-Match): the text, owner and review date; never the scores. */
export function EditRiskModal({
  risk,
  open,
  onClose,
}: {
  risk: RiskDetail;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<EditForm>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const unit = Form.useWatch('ownerOrgUnitId', form);
  const save = useMutation({
    mutationFn: (v: EditForm) =>
      call(
        api.PATCH('/api/v1/risks/{id}', {
          params: { path: { id: risk.id }, header: ifMatch(risk.version) },
          body: {
            context: v.context,
            contextNote: v.contextNote?.trim() || null,
            description: v.description.trim(),
            treatment: v.treatment.trim(),
            ownerOrgUnitId: v.ownerOrgUnitId,
            ownerUserId: v.ownerUserId ?? null,
            reviewDate: toApiDate(v.reviewDate),
          },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(['risks', 'detail', risk.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['risks'] });
      void message.success('Đã lưu.');
      onClose();
    },
    onError: (failure) => setError(applyServerErrors(form, failure)),
  });
  const submit = async () => {
    setError(null);
    const values = await validated(form);
    if (values) save.mutate(values);
  };
  return (
    <Modal
      open={open}
      title={`Sửa ${risk.code}`}
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
        initialValues={{
          context: risk.context,
          contextNote: risk.contextNote ?? undefined,
          description: risk.description,
          treatment: risk.treatment,
          ownerOrgUnitId: risk.ownerOrgUnitId,
          ownerUserId: risk.ownerUserId,
          reviewDate: fromApiDate(risk.reviewDate),
        }}
      >
        <Form.Item name="context" label="Bối cảnh" htmlFor="risk-edit-context">
          <Select
            id="risk-edit-context"
            options={Object.entries(RISK_CONTEXT_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="contextNote" label="Vấn đề hoặc bên quan tâm cụ thể" htmlFor="risk-edit-note">
          <Input id="risk-edit-note" maxLength={500} />
        </Form.Item>
        <Form.Item name="description" label="Mô tả" htmlFor="risk-edit-description" rules={rules('mô tả')}>
          <Input.TextArea id="risk-edit-description" rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="treatment"
          label="Biện pháp xử lý"
          htmlFor="risk-edit-treatment"
          rules={rules('biện pháp xử lý')}
        >
          <Input.TextArea id="risk-edit-treatment" rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="ownerOrgUnitId"
          label="Đơn vị chủ trì"
          htmlFor="risk-edit-unit"
          rules={[{ required: true, message: 'Chọn đơn vị chủ trì.' }]}
        >
          <OrgUnitSelect
            id="risk-edit-unit"
            activeOnly
            onChange={(v) => {
              form.setFieldsValue({ ownerOrgUnitId: v, ownerUserId: null });
            }}
          />
        </Form.Item>
        <Form.Item name="ownerUserId" label="Người phụ trách" htmlFor="risk-edit-owner">
          <RiskOwnerSelect
            id="risk-edit-owner"
            orgUnitId={unit}
            known={
              risk.ownerUserId && unit === risk.ownerOrgUnitId
                ? { id: risk.ownerUserId, fullName: risk.ownerUserName ?? '' }
                : null
            }
          />
        </Form.Item>
        <Form.Item
          name="reviewDate"
          label="Ngày xem xét lại"
          htmlFor="risk-edit-review"
          rules={[{ required: true, message: 'Chọn ngày xem xét lại.' }]}
        >
          <DatePicker
            id="risk-edit-review"
            format={DATE_FORMAT}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
