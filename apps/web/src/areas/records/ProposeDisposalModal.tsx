import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { api, call } from '../../api/client';
import { formatDate } from '../../ui/dates';
import type { RecordItem } from './types';
import { EmptyText } from './EmptyText';

const PAGE_SIZE = 10;

/** Đề nghị hủy: picks records due for disposal (not on hold) and proposes them as one batch. */
export function ProposeDisposalModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const due = useQuery({
    queryKey: ['records', 'due-for-proposal', page],
    enabled: open,
    queryFn: () =>
      call(
        api.GET('/api/v1/records', {
          params: {
            query: {
              state: 'due_for_disposal',
              onHold: false,
              page,
              pageSize: PAGE_SIZE,
              sort: 'retentionEnd:asc',
            },
          },
        }),
      ),
  });
  const propose = useMutation({
    mutationFn: () =>
      call(api.POST('/api/v1/disposals', { body: { recordIds: selected, note: note.trim() || undefined } })),
    onSuccess: async (batch) => {
      await queryClient.invalidateQueries({ queryKey: ['records'] });
      setSelected([]);
      setNote('');
      onClose();
      void navigate(`/disposals/${batch.id}`);
    },
    onError: (failure) => setError(errorMessage(failure)),
  });
  const submit = () => {
    if (selected.length === 0) {
      setError('Chọn ít nhất một hồ sơ đến hạn hủy.');
      return;
    }
    setError(null);
    propose.mutate();
  };
  return (
    <Modal
      open={open}
      width={900}
      title="Đề nghị hủy hồ sơ"
      okText="Gửi đề nghị hủy"
      cancelText="Hủy"
      confirmLoading={propose.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />
      ) : null}
      <Typography.Paragraph>
        Chọn các hồ sơ đã đến hạn hủy (hồ sơ đang bị phong tỏa không được đưa vào đợt hủy).
      </Typography.Paragraph>
      <Table<RecordItem>
        rowKey="id"
        size="small"
        loading={due.isFetching}
        dataSource={due.data?.items ?? []}
        caption={<Typography.Text strong>Hồ sơ đến hạn hủy</Typography.Text>}
        locale={{
          emptyText: (
            <EmptyText>{due.error ? errorMessage(due.error) : 'Không có hồ sơ nào đến hạn hủy.'}</EmptyText>
          ),
        }}
        rowSelection={{
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (r) => ({ 'aria-label': `Chọn hồ sơ ${r.title}` }),
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: due.data?.total ?? 0,
          onChange: setPage,
          showTotal: (total) => `Tổng số: ${total.toLocaleString('vi-VN')}`,
        }}
        columns={[
          { title: 'Tên hồ sơ', dataIndex: 'title' },
          { title: 'Số, ký hiệu', dataIndex: 'reference', render: (v: string | null) => v ?? '' },
          { title: 'Loại hồ sơ', key: 'type', render: (_, r) => r.recordType.code },
          { title: 'Lưu trữ đến', dataIndex: 'retentionEnd', render: (v: string | null) => formatDate(v) },
        ]}
      />
      <Form layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item label="Ghi chú" htmlFor="disposal-note">
          <Input.TextArea
            id="disposal-note"
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
