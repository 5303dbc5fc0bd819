import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { components } from '../../api/schema';
import { DATE_FORMAT, fromApiDate, toApiDate } from '../../ui/dates';
import { applyServerErrors } from '../../ui/server-errors';
import type { Audit } from './labels';
import { useAuditors, useIsoClauses, useProcedures, useProgrammes } from './use-audit-references';
import { useOrgUnitOptions } from '../../ui/org-units';

export type AuditPlanBody = components['schemas']['CreateAuditDto'];

interface Values {
  programmeId: string;
  title: string;
  orgUnitIds: string[];
  clauses: string[];
  procedureDocumentIds: string[];
  startDate: Dayjs;
  endDate: Dayjs;
  leadAuditorId: string;
  teamIds: string[];
  objectives?: string;
  criteria?: string;
}

/** Planning an audit (or changing its plan before it starts): scope, dates, an independent team. */
export function AuditFormModal({
  open,
  audit,
  defaultProgrammeId,
  onSubmit,
  onClose,
}: {
  open: boolean;
  audit?: Audit;
  defaultProgrammeId?: string;
  onSubmit: (body: AuditPlanBody) => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const programmes = useProgrammes();
  const clauses = useIsoClauses();
  const units = useOrgUnitOptions();
  const auditors = useAuditors(open);
  const procedures = useProcedures(open);
  const initialValues: Partial<Values> = audit
    ? {
        programmeId: audit.programmeId,
        title: audit.title,
        orgUnitIds: audit.orgUnits.map((u) => u.id),
        clauses: audit.clauses.map((c) => c.number),
        procedureDocumentIds: audit.procedures.map((p) => p.documentId),
        startDate: fromApiDate(audit.startDate),
        endDate: fromApiDate(audit.endDate),
        leadAuditorId: audit.leadAuditor.id,
        teamIds: audit.team.map((t) => t.id),
        objectives: audit.objectives,
        criteria: audit.criteria,
      }
    : { programmeId: defaultProgrammeId, orgUnitIds: [], clauses: [], procedureDocumentIds: [], teamIds: [] };

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        programmeId: values.programmeId,
        title: values.title.trim(),
        orgUnitIds: values.orgUnitIds ?? [],
        clauses: values.clauses ?? [],
        procedureDocumentIds: values.procedureDocumentIds ?? [],
        startDate: toApiDate(values.startDate) ?? '',
        endDate: toApiDate(values.endDate) ?? '',
        leadAuditorId: values.leadAuditorId,
        teamIds: values.teamIds ?? [],
        objectives: values.objectives?.trim() || null,
        criteria: values.criteria?.trim() || null,
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
      width={860}
      title={audit ? `Sửa kế hoạch cuộc đánh giá số ${audit.number}` : 'Lập kế hoạch cuộc đánh giá'}
      okText="Lưu kế hoạch"
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
        preserve={false}
        onFinish={(values) => void submit(values)}
      >
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item
              name="programmeId"
              label="Chương trình đánh giá"
              rules={[{ required: true, message: 'Chọn chương trình đánh giá.' }]}
            >
              <Select
                disabled={Boolean(audit)}
                loading={programmes.isPending}
                options={programmes.data ?? []}
              />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item
              name="title"
              label="Tên cuộc đánh giá"
              rules={[{ required: true, whitespace: true, message: 'Nhập tên cuộc đánh giá.' }]}
            >
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="orgUnitIds" label="Phòng, ban được đánh giá">
          <Select mode="multiple" showSearch optionFilterProp="label" options={units.options} />
        </Form.Item>
        <Form.Item
          name="clauses"
          label="Điều khoản ISO 9001 được đánh giá"
          dependencies={['procedureDocumentIds']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value: string[] | undefined) =>
                value?.length || (getFieldValue('procedureDocumentIds') as string[] | undefined)?.length
                  ? Promise.resolve()
                  : Promise.reject(new Error('Chọn ít nhất một điều khoản hoặc một quy trình.')),
            }),
          ]}
        >
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            loading={clauses.isPending}
            options={clauses.data ?? []}
          />
        </Form.Item>
        <Form.Item name="procedureDocumentIds" label="Quy trình giải quyết TTHC">
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            loading={procedures.isFetching}
            options={procedures.data ?? []}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="startDate"
              label="Ngày bắt đầu"
              rules={[{ required: true, message: 'Chọn ngày bắt đầu.' }]}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="endDate"
              label="Ngày kết thúc"
              dependencies={['startDate']}
              rules={[
                { required: true, message: 'Chọn ngày kết thúc.' },
                ({ getFieldValue }) => ({
                  validator: (_rule, value: Dayjs | undefined) => {
                    const start = getFieldValue('startDate') as Dayjs | undefined;
                    return !value || !start || !value.isBefore(start, 'day')
                      ? Promise.resolve()
                      : Promise.reject(new Error('Ngày kết thúc không được trước ngày bắt đầu.'));
                  },
                }),
              ]}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item
              name="leadAuditorId"
              label="Trưởng đoàn đánh giá"
              rules={[{ required: true, message: 'Chọn trưởng đoàn đánh giá.' }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                loading={auditors.isFetching}
                options={auditors.data ?? []}
              />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="teamIds" label="Thành viên đoàn đánh giá">
              <Select
                mode="multiple"
                showSearch
                optionFilterProp="label"
                loading={auditors.isFetching}
                options={auditors.data ?? []}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="objectives" label="Mục tiêu" extra="Để trống: theo mục tiêu của chương trình.">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="criteria" label="Chuẩn mực" extra="Để trống: theo chuẩn mực của chương trình.">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
