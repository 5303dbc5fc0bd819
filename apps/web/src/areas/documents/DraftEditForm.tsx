import { Alert, App, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { api, call, ifMatch } from '../../api/client';
import { applyServerErrors } from '../../ui/server-errors';
import type { VersionView } from './labels';
import { useIsoClauses } from './use-iso-clauses';

interface Values {
  title: string;
  changeSummary?: string;
  isoClauses?: string[];
  tthcCodes?: string[];
}

/** Editing a draft: title, what changed, clauses, TTHC codes; sent with If-Match. */
export function DraftEditForm({
  documentId,
  version,
  onSaved,
}: {
  documentId: string;
  version: VersionView;
  onSaved: () => Promise<unknown>;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const clauses = useIsoClauses();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await call(
        api.PATCH('/api/v1/documents/{id}/versions/{vid}', {
          params: { path: { id: documentId, vid: version.id }, header: ifMatch(version.version) },
          body: {
            title: values.title.trim(),
            changeSummary: values.changeSummary?.trim() || null,
            isoClauses: values.isoClauses ?? [],
            tthcCodes: values.tthcCodes ?? [],
          },
        }),
      );
      void message.success('Đã lưu dự thảo.');
      await onSaved();
    } catch (failure) {
      setError(applyServerErrors(form, failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      key={version.version}
      initialValues={{
        title: version.title,
        changeSummary: version.changeSummary ?? undefined,
        isoClauses: version.isoClauses,
        tthcCodes: version.tthcCodes,
      }}
      onFinish={(values) => void save(values)}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
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
      <Form.Item name="changeSummary" label="Nội dung sửa đổi">
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="isoClauses" label="Điều khoản ISO 9001">
        <Select
          mode="multiple"
          allowClear
          loading={clauses.isPending}
          optionFilterProp="label"
          options={(clauses.data ?? []).map((c) => ({ value: c.number, label: `${c.number} ${c.titleVi}` }))}
        />
      </Form.Item>
      <Form.Item name="tthcCodes" label="Mã thủ tục hành chính" extra="Gõ mã rồi nhấn Enter.">
        <Select mode="tags" open={false} tokenSeparators={[',', ' ']} />
      </Form.Item>
      <Button htmlType="submit" loading={busy}>
        Lưu dự thảo
      </Button>
    </Form>
  );
}
