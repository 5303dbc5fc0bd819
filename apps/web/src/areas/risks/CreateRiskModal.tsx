import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { DATE_FORMAT, toApiDate } from '../../ui/dates';
import { applyServerErrors } from '../../ui/server-errors';
import { RISK_CONTEXT_LABELS, RISK_KIND_LABELS } from './risk-labels';
import type { RiskContext, RiskKind } from './risk-types';
import { OrgUnitSelect } from '../../ui/org-units';
import { RiskOwnerSelect } from './RiskOwnerSelect';
import { ScoreFields } from './ScoreFields';
import { validated } from './validated';

interface CreateForm {
  kind: RiskKind;
  context: RiskContext;
  contextNote?: string;
  description: string;
  likelihood: number;
  impact: number;
  treatment: string;
  ownerOrgUnitId: string;
  ownerUserId?: string | null;
  reviewDate: Dayjs;
}

const required = (what: string) => ({ required: true, whitespace: true, message: `Nhập ${what}.` });
const atLeast3 = { min: 3, message: 'Nhập ít nhất 3 ký tự.' };

/** "Ghi nhận rủi ro, cơ hội" (POST /risks); opens the new one when saved. */
export function CreateRiskModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CreateForm>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const unit = Form.useWatch('ownerOrgUnitId', form);
  const create = useMutation({
    mutationFn: (v: CreateForm) =>
      call(
        api.POST('/api/v1/risks', {
          body: {
            kind: v.kind,
            context: v.context,
            contextNote: v.contextNote?.trim() || undefined,
            description: v.description.trim(),
            likelihood: v.likelihood,
            impact: v.impact,
            treatment: v.treatment.trim(),
            ownerOrgUnitId: v.ownerOrgUnitId,
            ownerUserId: v.ownerUserId ?? undefined,
            reviewDate: toApiDate(v.reviewDate) ?? '',
          },
        }),
      ),
    onSuccess: (risk) => {
      void queryClient.invalidateQueries({ queryKey: ['risks'] });
      void message.success(`Đã ghi nhận ${risk.kindLabel.toLowerCase()} ${risk.code}.`);
      form.resetFields();
      onClose();
      void navigate(`/risks/${risk.id}`);
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
      title="Ghi nhận rủi ro, cơ hội"
      okText="Ghi nhận"
      cancelText="Hủy"
      confirmLoading={create.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      width={680}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'risk', context: 'internal_issue', reviewDate: dayjs().add(3, 'month') }}
      >
        <Form.Item name="kind" label="Loại" rules={[{ required: true, message: 'Chọn loại.' }]}>
          <Radio.Group
            optionType="button"
            options={(['risk', 'opportunity'] as const).map((k) => ({
              value: k,
              label: RISK_KIND_LABELS[k],
            }))}
          />
        </Form.Item>
        <Form.Item
          name="context"
          label="Bối cảnh"
          htmlFor="risk-create-context"
          rules={[{ required: true, message: 'Chọn bối cảnh.' }]}
        >
          <Select
            id="risk-create-context"
            options={Object.entries(RISK_CONTEXT_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="contextNote" label="Vấn đề hoặc bên quan tâm cụ thể" htmlFor="risk-create-note">
          <Input id="risk-create-note" maxLength={500} />
        </Form.Item>
        <Form.Item
          name="description"
          label="Mô tả"
          htmlFor="risk-create-description"
          rules={[required('mô tả'), atLeast3]}
        >
          <Input.TextArea id="risk-create-description" rows={3} maxLength={2000} />
        </Form.Item>
        <ScoreFields idPrefix="risk-create" />
        <Form.Item
          name="treatment"
          label="Biện pháp xử lý"
          htmlFor="risk-create-treatment"
          rules={[required('biện pháp xử lý'), atLeast3]}
        >
          <Input.TextArea id="risk-create-treatment" rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="ownerOrgUnitId"
          label="Đơn vị chủ trì"
          htmlFor="risk-create-unit"
          rules={[{ required: true, message: 'Chọn đơn vị chủ trì.' }]}
        >
          <OrgUnitSelect id="risk-create-unit" activeOnly />
        </Form.Item>
        <Form.Item name="ownerUserId" label="Người phụ trách" htmlFor="risk-create-owner">
          <RiskOwnerSelect id="risk-create-owner" orgUnitId={unit} />
        </Form.Item>
        <Form.Item
          name="reviewDate"
          label="Ngày xem xét lại"
          htmlFor="risk-create-review"
          rules={[{ required: true, message: 'Chọn ngày xem xét lại.' }]}
        >
          <DatePicker
            id="risk-create-review"
            format={DATE_FORMAT}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
