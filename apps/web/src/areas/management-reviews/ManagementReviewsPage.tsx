import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { Can } from '../../auth/Can';
import { P } from '../../auth/permissions';
import { DATE_FORMAT, formatDate, toApiDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { applyServerErrors } from '../../ui/server-errors';
import { usePagedQuery } from '../../ui/use-paged-query';
import { PeopleSelect } from './PeopleSelect';
import { ReviewStateTag } from './ReviewStateTag';
import { ReviewTheme } from './ReviewTheme';
import {
  REVIEW_STATE_LABELS,
  type ManagementReviewState,
  type ManagementReviewSummary,
} from './review-types';

const FILTERS = ['year', 'state'] as const;

/** Xem xét của lãnh đạo: the agency's reviews (paged, filtered by year and state) and planning a new one. */
export default function ManagementReviewsPage() {
  const [creating, setCreating] = useState(false);
  const { query, filters, setFilter, pagination } = usePagedQuery(
    ['management-reviews', 'list'],
    FILTERS,
    (q) =>
      call(
        api.GET('/api/v1/management-reviews', {
          params: {
            query: {
              page: q.page,
              pageSize: q.pageSize,
              year: q.year ? Number(q.year) : undefined,
              state: q.state as ManagementReviewState | undefined,
            },
          },
        }),
      ),
  );
  const columns: ColumnsType<ManagementReviewSummary> = [
    {
      title: 'Số',
      dataIndex: 'number',
      width: 100,
      render: (number: string, r) => <Link to={`/management-reviews/${r.id}`}>{number}</Link>,
    },
    {
      title: 'Tiêu đề',
      dataIndex: 'title',
      render: (title: string, r) => <Link to={`/management-reviews/${r.id}`}>{title}</Link>,
    },
    {
      title: 'Kỳ xem xét',
      key: 'period',
      render: (_: unknown, r) => `${formatDate(r.periodFrom)} – ${formatDate(r.periodTo)}`,
    },
    { title: 'Ngày họp', dataIndex: 'meetingDate', width: 120, render: (d: string) => formatDate(d) },
    {
      title: 'Trạng thái',
      dataIndex: 'state',
      width: 150,
      render: (state: ManagementReviewState) => <ReviewStateTag state={state} />,
    },
  ];
  return (
    <ReviewTheme>
      <PageHeader
        title="Xem xét của lãnh đạo"
        subtitle="Xem xét hệ thống quản lý chất lượng theo điều khoản 9.3 TCVN ISO 9001:2015"
        extra={
          <Can permission={P.ManagementReviewManage}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Lập kỳ xem xét
            </Button>
          </Can>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <InputNumber
            aria-label="Năm"
            placeholder="Năm"
            min={2000}
            max={2100}
            value={filters.year ? Number(filters.year) : null}
            onChange={(v) => setFilter('year', v ? String(v) : undefined)}
          />
          <Select
            aria-label="Trạng thái"
            allowClear
            placeholder="Trạng thái"
            style={{ width: 200 }}
            value={filters.state}
            onChange={(v) => setFilter('state', v)}
            options={Object.entries(REVIEW_STATE_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Flex>
        <Table
          rowKey="id"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          pagination={pagination}
          locale={{ emptyText: 'Chưa có kỳ xem xét của lãnh đạo nào.' }}
        />
      </Card>
      <CreateReviewModal open={creating} onClose={() => setCreating(false)} />
    </ReviewTheme>
  );
}

interface CreateValues {
  periodFrom: Dayjs;
  periodTo: Dayjs;
  meetingDate: Dayjs;
  place?: string;
  chairId: string;
  attendeeIds?: string[];
}

/** "Lập kỳ xem xét": period, meeting date, chair and attendees; the server compiles the inputs at once. */
function CreateReviewModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CreateValues>();
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useMutation({
    mutationFn: (v: CreateValues) =>
      call(
        api.POST('/api/v1/management-reviews', {
          body: {
            periodFrom: toApiDate(v.periodFrom) ?? '',
            periodTo: toApiDate(v.periodTo) ?? '',
            meetingDate: toApiDate(v.meetingDate) ?? '',
            place: v.place?.trim() || null,
            chairId: v.chairId,
            attendeeIds: v.attendeeIds ?? [],
          },
        }),
      ),
    onSuccess: (review) => {
      void message.success(`Đã lập kỳ xem xét số ${review.number} và tổng hợp đầu vào.`);
      onClose();
      void navigate(`/management-reviews/${review.id}`);
    },
    onError: (failure) => setError(applyServerErrors(form, failure)),
  });
  const submit = async () => {
    try {
      create.mutate(await form.validateFields());
    } catch {
      // The fields show their messages.
    }
  };
  const year = dayjs().year() - 1;
  return (
    <Modal
      open={open}
      title="Lập kỳ xem xét của lãnh đạo"
      okText="Lập và tổng hợp"
      cancelText="Hủy"
      confirmLoading={create.isPending}
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
        initialValues={{ periodFrom: dayjs(`${year}-01-01`), periodTo: dayjs(`${year}-12-31`) }}
      >
        <Flex gap={12}>
          <Form.Item
            name="periodFrom"
            label="Từ ngày"
            rules={[{ required: true, message: 'Chọn ngày bắt đầu kỳ.' }]}
          >
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item
            name="periodTo"
            label="Đến ngày"
            dependencies={['periodFrom']}
            rules={[
              { required: true, message: 'Chọn ngày kết thúc kỳ.' },
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | undefined) => {
                  const from = getFieldValue('periodFrom') as Dayjs | undefined;
                  if (!value || !from) return Promise.resolve();
                  if (value.isBefore(from, 'day'))
                    return Promise.reject(new Error('Ngày kết thúc phải sau ngày bắt đầu.'));
                  if (!value.isBefore(from.add(24, 'month'), 'day')) {
                    return Promise.reject(new Error('Kỳ xem xét dài tối đa 24 tháng.'));
                  }
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item
            name="meetingDate"
            label="Ngày họp"
            rules={[{ required: true, message: 'Chọn ngày họp.' }]}
          >
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
        </Flex>
        <Form.Item name="place" label="Địa điểm">
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="chairId"
          label="Người chủ trì"
          extra="Lãnh đạo cơ quan, người ký báo cáo xem xét của lãnh đạo."
          rules={[{ required: true, message: 'Chọn người chủ trì.' }]}
        >
          <PeopleSelect roles={['approver']} />
        </Form.Item>
        <Form.Item name="attendeeIds" label="Thành phần tham dự">
          <PeopleSelect multiple />
        </Form.Item>
      </Form>
    </Modal>
  );
}
