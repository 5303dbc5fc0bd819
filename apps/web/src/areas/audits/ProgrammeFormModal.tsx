import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import type { components } from '../../api/schema';
import { applyServerErrors } from '../../ui/server-errors';
import { MONTH_OPTIONS, RISK_LEVEL_LABELS, type Programme, type RiskLevel } from './labels';
import { useOrgUnitOptions } from '../../ui/org-units';

type EntryDto = components['schemas']['AuditProgrammeEntryDto'];

export interface ProgrammeValues {
  year: number;
  title: string;
  objectives: string;
  criteria: string;
  entries: EntryDto[];
}

const RISK_OPTIONS = (Object.keys(RISK_LEVEL_LABELS) as RiskLevel[]).map((value) => ({
  value,
  label: RISK_LEVEL_LABELS[value],
}));

/** Creating or editing an audit programme: its aims and its lines (units × months). */
export function ProgrammeFormModal({
  open,
  programme,
  onSubmit,
  onClose,
}: {
  open: boolean;
  /** Editing this programme; none: a new one. */
  programme?: Programme;
  onSubmit: (values: ProgrammeValues) => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ProgrammeValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const units = useOrgUnitOptions();
  const initialValues: Partial<ProgrammeValues> = programme
    ? {
        year: programme.year,
        title: programme.title,
        objectives: programme.objectives,
        criteria: programme.criteria,
        entries: (programme.entries ?? []).map((e) => ({
          orgUnitId: e.orgUnitId,
          process: e.process,
          riskLevel: e.riskLevel,
          auditsPerYear: e.auditsPerYear,
          plannedMonths: e.plannedMonths,
          note: e.note,
        })),
      }
    : {
        year: new Date().getFullYear() + 1,
        objectives: 'Xác định mức độ phù hợp và hiệu lực của hệ thống quản lý chất lượng',
        criteria: 'TCVN ISO 9001:2015; các quy trình ISO của cơ quan',
        entries: [{ riskLevel: 'medium', auditsPerYear: 1, plannedMonths: [] }],
      };

  const submit = async (values: ProgrammeValues) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        ...values,
        entries: (values.entries ?? []).map((e) => ({
          ...e,
          orgUnitId: e.orgUnitId ?? null,
          process: e.process?.trim() || null,
          note: e.note?.trim() || null,
        })),
      });
      form.resetFields();
      onClose();
    } catch (failure) {
      setError(applyServerErrors(form, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      width={900}
      title={programme ? `Sửa chương trình đánh giá năm ${programme.year}` : 'Lập chương trình đánh giá'}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
        preserve={false}
      >
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item
              name="year"
              label="Năm"
              rules={[{ required: true, message: 'Nhập năm của chương trình.' }]}
            >
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} disabled={Boolean(programme)} />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item
              name="title"
              label="Tên chương trình"
              rules={[{ required: true, whitespace: true, message: 'Nhập tên chương trình.' }]}
            >
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="objectives"
          label="Mục tiêu"
          rules={[{ required: true, whitespace: true, message: 'Nhập mục tiêu đánh giá.' }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="criteria"
          label="Chuẩn mực đánh giá"
          rules={[{ required: true, whitespace: true, message: 'Nhập chuẩn mực đánh giá.' }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.List name="entries">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 8 }}
                  title={`Dòng ${index + 1}`}
                  extra={
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`Xóa dòng ${index + 1}`}
                      onClick={() => remove(field.name)}
                    />
                  }
                >
                  <Row gutter={12}>
                    <Col span={8}>
                      <Form.Item name={[field.name, 'orgUnitId']} label="Phòng, ban">
                        <Select allowClear showSearch optionFilterProp="label" options={units.options} />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item
                        name={[field.name, 'process']}
                        label="Quá trình"
                        dependencies={[['entries', field.name, 'orgUnitId']]}
                        rules={[
                          ({ getFieldValue }) => ({
                            validator: (_rule, value: string | undefined) =>
                              getFieldValue(['entries', field.name, 'orgUnitId']) || value?.trim()
                                ? Promise.resolve()
                                : Promise.reject(
                                    new Error('Chọn phòng, ban hoặc nhập quá trình được đánh giá.'),
                                  ),
                          }),
                        ]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item
                        name={[field.name, 'riskLevel']}
                        label="Mức rủi ro"
                        rules={[{ required: true, message: 'Chọn mức rủi ro.' }]}
                      >
                        <Select options={RISK_OPTIONS} />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item
                        name={[field.name, 'auditsPerYear']}
                        label="Số lần/năm"
                        rules={[{ required: true, message: 'Nhập số lần đánh giá.' }]}
                      >
                        <InputNumber min={1} max={12} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={10}>
                      <Form.Item
                        name={[field.name, 'plannedMonths']}
                        label="Tháng dự kiến"
                        rules={[{ required: true, message: 'Chọn ít nhất một tháng.' }]}
                      >
                        <Select mode="multiple" options={MONTH_OPTIONS} />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name={[field.name, 'note']} label="Ghi chú">
                        <Input />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ riskLevel: 'medium', auditsPerYear: 1, plannedMonths: [] })}
              >
                Thêm dòng
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
