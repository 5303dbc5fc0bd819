import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Progress, Select, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { FINDING_TYPE_LABELS, type Audit, type Finding, type FindingType } from './labels';
import { useIsoClauses } from './use-audit-references';
import { applyServerErrors } from '../../ui/server-errors';

const TYPE_OPTIONS = (Object.keys(FINDING_TYPE_LABELS) as FindingType[]).map((value) => ({
  value,
  label: FINDING_TYPE_LABELS[value],
}));

export interface FindingValues {
  type: FindingType;
  clause: string;
  orgUnitId: string | null;
  statement: string;
  evidence: string | null;
}

/**
 * Recording or editing a finding: type, clause of the scope (or a sub-clause), unit, statement,
 * objective evidence; new evidence files are uploaded after saving, with a progress bar.
 */
export function FindingFormModal({
  open,
  audit,
  finding,
  onSubmit,
  onClose,
}: {
  open: boolean;
  audit: Audit;
  finding?: Finding;
  onSubmit: (values: FindingValues, files: File[], onProgress: (percent: number) => void) => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<FindingValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const clauses = useIsoClauses();
  const scope = audit.clauses.map((c) => c.number);
  const clauseOptions = (clauses.data ?? []).filter((c) =>
    scope.some((s) => c.value === s || c.value.startsWith(`${s}.`)),
  );

  const submit = async (values: FindingValues) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(
        {
          ...values,
          orgUnitId: values.orgUnitId ?? null,
          statement: values.statement.trim(),
          evidence: values.evidence?.trim() || null,
        },
        files.flatMap((f) => (f.originFileObj ? [f.originFileObj] : [])),
        setProgress,
      );
      form.resetFields();
      setFiles([]);
      onClose();
    } catch (failure) {
      setError(applyServerErrors(form, failure));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <Modal
      open={open}
      width={720}
      title={finding ? `Sửa phát hiện ${finding.number}` : 'Ghi nhận phát hiện'}
      okText="Lưu phát hiện"
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
        name="finding"
        layout="vertical"
        preserve={false}
        initialValues={
          finding
            ? {
                type: finding.type,
                clause: finding.clause,
                orgUnitId: finding.orgUnitId ?? undefined,
                statement: finding.statement,
                evidence: finding.evidence ?? '',
              }
            : { orgUnitId: audit.orgUnits.length === 1 ? audit.orgUnits[0].id : undefined }
        }
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="type"
          label="Loại phát hiện"
          rules={[{ required: true, message: 'Chọn loại phát hiện.' }]}
        >
          <Select options={TYPE_OPTIONS} />
        </Form.Item>
        <Form.Item name="clause" label="Điều khoản" rules={[{ required: true, message: 'Chọn điều khoản.' }]}>
          <Select showSearch optionFilterProp="label" loading={clauses.isPending} options={clauseOptions} />
        </Form.Item>
        <Form.Item name="orgUnitId" label="Phòng, ban">
          <Select allowClear options={audit.orgUnits.map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item
          name="statement"
          label="Nội dung phát hiện"
          rules={[{ required: true, whitespace: true, message: 'Nhập nội dung phát hiện.' }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="evidence" label="Bằng chứng khách quan">
          <Input.TextArea rows={2} />
        </Form.Item>
        {finding ? null : (
          <Form.Item label="Tệp bằng chứng" extra="Tệp được tải lên sau khi lưu phát hiện.">
            <Upload
              multiple
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFiles(fileList)}
            >
              <Button icon={<UploadOutlined />}>Chọn tệp</Button>
            </Upload>
            {progress !== null ? (
              <Progress percent={progress} size="small" aria-label="Tiến độ tải lên" />
            ) : null}
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
