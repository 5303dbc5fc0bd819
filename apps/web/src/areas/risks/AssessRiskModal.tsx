import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, call, ifMatch } from '../../api/client';
import { DATE_FORMAT, fromApiDate, toApiDate } from '../../ui/dates';
import { applyServerErrors } from '../../ui/server-errors';
import type { RiskDetail } from './risk-types';
import { ScoreFields } from './ScoreFields';
import { validated } from './validated';

interface AssessForm {
  likelihood: number;
  impact: number;
  treatment: string;
  note: string;
  reviewDate?: Dayjs;
}

/** "Đánh giá lại" (POST /risks/:id/assessments, with the version read as If-Match). */
export function AssessRiskModal({
  risk,
  open,
  onClose,
}: {
  risk: RiskDetail;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<AssessForm>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const assess = useMutation({
    mutationFn: (v: AssessForm) =>
      call(
        api.POST('/api/v1/risks/{id}/assessments', {
          params: { path: { id: risk.id }, header: ifMatch(risk.version) },
          body: {
            likelihood: v.likelihood,
            impact: v.impact,
            note: v.note.trim(),
            treatment: v.treatment.trim() !== risk.treatment ? v.treatment.trim() : undefined,
            reviewDate: toApiDate(v.reviewDate),
          },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(['risks', 'detail', risk.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['risks'] });
      void message.success(`Đã đánh giá lại: mức ${saved.levelLabel.toLowerCase()} (điểm ${saved.score}).`);
      onClose();
    },
    onError: (failure) => setError(applyServerErrors(form, failure)),
  });
  const submit = async () => {
    setError(null);
    const values = await validated(form);
    if (values) assess.mutate(values);
  };
  return (
    <Modal
      open={open}
      title={`Đánh giá lại ${risk.code}`}
      okText="Lưu đánh giá"
      cancelText="Hủy"
      confirmLoading={assess.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      width={620}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          likelihood: risk.likelihood,
          impact: risk.impact,
          treatment: risk.treatment,
          reviewDate: fromApiDate(risk.reviewDate),
        }}
      >
        <ScoreFields idPrefix="risk-assess" />
        <Form.Item
          name="treatment"
          label="Biện pháp xử lý"
          htmlFor="risk-assess-treatment"
          rules={[
            { required: true, whitespace: true, message: 'Nhập biện pháp xử lý.' },
            { min: 3, message: 'Nhập ít nhất 3 ký tự.' },
          ]}
        >
          <Input.TextArea id="risk-assess-treatment" rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="note"
          label="Nhận xét đánh giá"
          htmlFor="risk-assess-note"
          rules={[
            { required: true, whitespace: true, message: 'Nhập nhận xét đánh giá.' },
            { min: 3, message: 'Nhập ít nhất 3 ký tự.' },
          ]}
        >
          <Input.TextArea id="risk-assess-note" rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="reviewDate" label="Ngày xem xét lại" htmlFor="risk-assess-review">
          <DatePicker
            id="risk-assess-review"
            format={DATE_FORMAT}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
