import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, call, ifMatch } from '../../api/client';
import { formatDateTime } from '../../ui/dates';
import { applyServerErrors } from '../../ui/server-errors';
import { EvidenceFiles } from './EvidenceFiles';
import { CHECKLIST_ANSWER_LABELS, type ChecklistAnswer, type ChecklistItem } from './labels';

const ANSWER_OPTIONS = (Object.keys(CHECKLIST_ANSWER_LABELS) as ChecklistAnswer[]).map((value) => ({
  value,
  label: CHECKLIST_ANSWER_LABELS[value],
}));

interface Values {
  answer: ChecklistAnswer;
  notes?: string;
  sample?: string;
}

/** One checklist question: its answer, the auditor's notes, the sample seen, the evidence files. */
export function ChecklistItemCard({ item, editable }: { item: ChecklistItem; editable: boolean }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const title = `Câu hỏi ${item.position}`;

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await call(
        api.PATCH('/api/v1/audits/{id}/checklist/{itemId}', {
          params: { path: { id: item.auditId, itemId: item.id }, header: ifMatch(item.version) },
          body: {
            answer: values.answer,
            notes: values.notes?.trim() || null,
            sample: values.sample?.trim() || null,
          },
        }),
      );
      void message.success(`Đã lưu câu trả lời ${title.toLowerCase()}.`);
      await queryClient.invalidateQueries({ queryKey: ['audits', 'checklist', item.auditId] });
    } catch (failure) {
      setError(applyServerErrors(form, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
          {title}
        </Typography.Title>
      }
      extra={
        item.answer ? (
          <Tag color={item.answer === 'conform' ? 'green' : item.answer === 'nonconform' ? 'red' : 'default'}>
            {CHECKLIST_ANSWER_LABELS[item.answer]}
          </Tag>
        ) : (
          <Tag>Chưa trả lời</Tag>
        )
      }
      data-testid={`checklist-item-${item.position}`}
    >
      <Typography.Paragraph>{item.question}</Typography.Paragraph>
      {item.answeredAt ? (
        <Typography.Paragraph type="secondary">
          Trả lời lúc {formatDateTime(item.answeredAt)}
        </Typography.Paragraph>
      ) : null}
      {error ? (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 8 }} />
      ) : null}
      {editable ? (
        <Form
          form={form}
          name={`checklist-${item.position}`}
          layout="vertical"
          initialValues={{
            answer: item.answer ?? undefined,
            notes: item.notes ?? '',
            sample: item.sample ?? '',
          }}
          onFinish={(values) => void submit(values)}
        >
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item
                name="answer"
                label={`Kết quả — ${title}`}
                rules={[{ required: true, message: 'Chọn kết quả kiểm tra.' }]}
              >
                <Select options={ANSWER_OPTIONS} />
              </Form.Item>
            </Col>
            <Col span={item.kind === 'procedure' ? 10 : 18}>
              <Form.Item name="notes" label={`Ghi chép — ${title}`}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </Col>
            {item.kind === 'procedure' ? (
              <Col span={8}>
                <Form.Item name="sample" label={`Mẫu kiểm tra (số hồ sơ đã xem) — ${title}`}>
                  <Input />
                </Form.Item>
              </Col>
            ) : null}
          </Row>
          <Button htmlType="submit" loading={busy} aria-label={`Lưu câu trả lời — ${title}`}>
            Lưu câu trả lời
          </Button>
        </Form>
      ) : (
        <Typography.Paragraph>
          {item.notes ? `Ghi chép: ${item.notes}` : null}
          {item.sample ? ` · Mẫu kiểm tra: ${item.sample}` : null}
        </Typography.Paragraph>
      )}
      <div style={{ marginTop: 12 }}>
        <EvidenceFiles owner={{ auditId: item.auditId, itemId: item.id }} editable={editable} label={title} />
      </div>
    </Card>
  );
}
