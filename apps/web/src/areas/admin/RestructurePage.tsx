import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { DATE_FORMAT, toApiDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { applyServerErrors } from '../../ui/server-errors';
import { useAgencyOptions } from './use-agency-options';

type Result = components['schemas']['RestructureResultResponse'];
type Kind = components['schemas']['RestructureKind'];

interface Values {
  kind: Kind;
  from: { value: string; label: string }[];
  to?: string;
  newName?: string;
  effectiveDate: Dayjs;
  codePrefix?: string;
}

const KIND_LABELS: Record<Kind, string> = { merge: 'Sáp nhập', rename: 'Đổi tên', dissolve: 'Giải thể' };

/** What moved, summed over the domains: "12 tài liệu, 4 tài khoản…" by table. */
const TABLE_LABELS: Record<string, string> = {
  document: 'tài liệu',
  document_version: 'phiên bản tài liệu',
  app_user: 'tài khoản',
  org_unit: 'phòng, ban',
  record: 'hồ sơ',
  corrective_action: 'hành động khắc phục',
  audit: 'cuộc đánh giá',
};

function movedSummary(report: Result['transfers'][number]['report']): string {
  const totals = new Map<string, number>();
  for (const step of Object.values(report)) {
    for (const [table, n] of Object.entries(step.moved ?? {}))
      totals.set(table, (totals.get(table) ?? 0) + n);
  }
  const parts = [...totals]
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${n} ${TABLE_LABELS[table] ?? table}`);
  return parts.join(', ') || 'không có dữ liệu';
}

/**
 * The restructuring wizard (the 2025 reform): the admin chooses merge, rename or dissolve, the
 * agencies and the receiving one, previews what will move and the clashing document codes, and
 * only then confirms. A prefix settles the clashing codes.
 */
export default function RestructurePage() {
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'merge';
  const to = Form.useWatch('to', form);
  const fromOptions = useAgencyOptions();
  const toOptions = useAgencyOptions(to);

  const bodyOf = (v: Values) => ({
    kind: v.kind,
    from: v.from.map((f) => f.value),
    to: v.kind === 'rename' ? undefined : v.to,
    newName: v.kind === 'rename' ? v.newName : undefined,
    effectiveDate: toApiDate(v.effectiveDate)!,
    codePrefix: v.codePrefix?.trim() || undefined,
  });
  const previewing = useMutation({
    mutationFn: (v: Values) => call(api.POST('/api/v1/agencies/restructure/preview', { body: bodyOf(v) })),
    onSuccess: (result) => {
      setError(null);
      setPreview(result);
    },
    onError: (failure) => {
      setPreview(null);
      setError(applyServerErrors(form, failure));
    },
  });
  const running = useMutation({
    mutationFn: (v: Values) => call(api.POST('/api/v1/agencies/restructure', { body: bodyOf(v) })),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['admin'] });
      void message.success(`Đã sắp xếp lại: dữ liệu đã chuyển sang ${result.to.name}.`);
      void navigate('/agencies');
    },
    onError: (failure) => setError(errorMessage(failure)),
  });
  const confirm = () => {
    const values = form.getFieldsValue();
    modal.confirm({
      title: 'Thực hiện sắp xếp lại cơ quan?',
      content: `${KIND_LABELS[values.kind]} ${values.from.length} cơ quan; không hoàn tác được.`,
      okText: 'Thực hiện',
      cancelText: 'Hủy',
      onOk: () =>
        running.mutateAsync(values).then(
          () => undefined,
          () => undefined,
        ),
    });
  };

  return (
    <>
      <PageHeader
        title="Sắp xếp lại cơ quan"
        subtitle="Sáp nhập, đổi tên, giải thể: dữ liệu chuyển sang cơ quan tiếp nhận, lịch sử được giữ nguyên"
      />
      <Card>
        <Form
          form={form}
          layout="vertical"
          style={{ maxWidth: 720 }}
          initialValues={{ kind: 'merge', from: [] }}
          onValuesChange={() => setPreview(null)}
        >
          <Form.Item name="kind" label="Hình thức">
            <Radio.Group
              options={(Object.keys(KIND_LABELS) as Kind[]).map((value) => ({
                value,
                label: KIND_LABELS[value],
              }))}
            />
          </Form.Item>
          <Form.Item
            name="from"
            label={kind === 'rename' ? 'Cơ quan đổi tên' : 'Các cơ quan kết thúc hoạt động'}
            rules={[{ required: true, message: 'Chọn cơ quan.' }]}
          >
            <Select mode="multiple" labelInValue {...fromOptions.selectProps} />
          </Form.Item>
          {kind === 'rename' ? (
            <Form.Item
              name="newName"
              label="Tên mới"
              rules={[{ required: true, whitespace: true, message: 'Nhập tên mới.' }]}
            >
              <Input maxLength={300} />
            </Form.Item>
          ) : (
            <Form.Item
              name="to"
              label="Cơ quan tiếp nhận"
              rules={[{ required: true, message: 'Chọn cơ quan tiếp nhận.' }]}
            >
              <Select allowClear {...toOptions.selectProps} />
            </Form.Item>
          )}
          <Form.Item
            name="effectiveDate"
            label="Ngày có hiệu lực"
            rules={[{ required: true, message: 'Chọn ngày có hiệu lực.' }]}
          >
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item
            name="codePrefix"
            label="Tiền tố cho mã tài liệu bị trùng"
            extra="Ví dụ: NR- biến QT-01 thành NR-QT-01; bỏ trống thì mã trùng phải được xử lý trước."
          >
            <Input maxLength={20} style={{ width: 200 }} />
          </Form.Item>
          <Space>
            <Button
              loading={previewing.isPending}
              onClick={() => {
                form.validateFields().then(
                  (values) => previewing.mutate(values),
                  () => undefined,
                );
              }}
            >
              Xem trước
            </Button>
            <Button
              type="primary"
              danger
              disabled={!preview || preview.conflicts.length > 0}
              loading={running.isPending}
              onClick={confirm}
            >
              Thực hiện
            </Button>
          </Space>
        </Form>
      </Card>
      {error ? <Alert type="error" showIcon message={error} role="alert" style={{ marginTop: 16 }} /> : null}
      {preview ? (
        <Card
          style={{ marginTop: 16 }}
          data-testid="restructure-preview"
          title={
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              {`Xem trước: chuyển sang ${preview.to.name}`}
            </Typography.Title>
          }
        >
          <Table
            rowKey="agencyId"
            size="small"
            pagination={false}
            dataSource={preview.from.map((a) => ({
              agencyId: a.id,
              name: a.name,
              moved: movedSummary(preview.transfers.find((t) => t.agencyId === a.id)?.report ?? {}),
            }))}
            columns={[
              { title: 'Cơ quan', dataIndex: 'name' },
              { title: 'Sẽ chuyển', dataIndex: 'moved' },
            ]}
          />
          {preview.conflicts.length ? (
            <>
              <Alert
                type="warning"
                showIcon
                style={{ margin: '16px 0' }}
                message={`${preview.conflicts.length} mã trùng hoặc việc chưa kết thúc: hãy xử lý hoặc nhập tiền tố cho mã tài liệu rồi xem trước lại.`}
              />
              <Table
                rowKey={(c) => `${c.fromAgencyId}:${c.table}:${c.fromId}`}
                size="small"
                pagination={false}
                dataSource={preview.conflicts}
                columns={[
                  {
                    title: 'Cơ quan',
                    dataIndex: 'fromAgencyId',
                    render: (id: string) => preview.from.find((a) => a.id === id)?.name ?? id,
                  },
                  { title: 'Lĩnh vực', dataIndex: 'domain' },
                  { title: 'Mã', dataIndex: 'key' },
                  {
                    title: 'Lý do',
                    dataIndex: 'reason',
                    render: (r: string) =>
                      r === 'code_taken' ? 'Cơ quan tiếp nhận đã dùng mã này' : 'Việc chưa kết thúc',
                  },
                ]}
              />
            </>
          ) : (
            <Alert
              type="success"
              showIcon
              style={{ marginTop: 16 }}
              message="Không có mã trùng: có thể thực hiện."
            />
          )}
        </Card>
      ) : null}
    </>
  );
}
