import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Modal, Progress, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../api/api-error';
import { uploadFiles } from '../../api/files';
import type { components } from '../../api/schema';

type Summary = components['schemas']['AgencyImportSummaryResponse'];
interface RowError {
  line: number;
  message: string;
}

function rowErrorsOf(error: unknown): RowError[] {
  if (!(error instanceof ApiError)) return [];
  const errors = error.details.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter(
    (e): e is RowError => typeof e === 'object' && e !== null && 'line' in e && 'message' in e,
  );
}

/** "Nhập từ CSV": uploads the roadmap file with progress, then shows the summary or the broken lines. */
export function AgencyImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const reset = () => {
    setFile(null);
    setProgress(null);
    setSummary(null);
    setError(null);
    setRowErrors([]);
    if (input.current) input.current.value = '';
  };
  const close = () => {
    reset();
    onClose();
  };
  const send = async () => {
    if (!file) {
      setError('Chọn tệp CSV danh sách cơ quan.');
      return;
    }
    setBusy(true);
    setError(null);
    setRowErrors([]);
    setSummary(null);
    setProgress(0);
    try {
      const result = await uploadFiles<Summary>('/api/v1/agencies/import', { file }, setProgress);
      setSummary(result);
      void message.success('Đã nhập danh sách cơ quan.');
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
    } catch (failure) {
      setError(errorMessage(failure));
      setRowErrors(rowErrorsOf(failure));
      setProgress(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="Nhập danh sách cơ quan từ tệp CSV"
      onCancel={close}
      width={720}
      footer={
        summary ? (
          <Button type="primary" onClick={close}>
            Hoàn tất
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>Hủy</Button>
            <Button type="primary" loading={busy} onClick={() => void send()} disabled={!file}>
              Nhập
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph>
        Tệp CSV, mã UTF-8, tối đa 2 MB, các cột: <code>no,group,level,deadline_year,district,name</code>.
      </Typography.Paragraph>
      {!summary ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <label htmlFor="agency-import-file" style={{ display: 'block' }}>
            Tệp CSV danh sách cơ quan
          </label>
          <input
            id="agency-import-file"
            ref={input}
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setError(null);
              setRowErrors([]);
            }}
          />
          {file ? (
            <Typography.Text type="secondary">
              <UploadOutlined /> {file.name} ({Math.ceil(file.size / 1024).toLocaleString('vi-VN')} KB)
            </Typography.Text>
          ) : null}
          {progress !== null ? <Progress percent={progress} aria-label="Tiến độ tải lên" /> : null}
        </Space>
      ) : null}
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 12 }} /> : null}
      {rowErrors.length ? (
        <Table<RowError>
          style={{ marginTop: 12 }}
          size="small"
          rowKey={(row) => `${row.line}-${row.message}`}
          caption="Các dòng bị lỗi"
          dataSource={rowErrors}
          pagination={false}
          columns={[
            { title: 'Dòng', dataIndex: 'line', width: 80 },
            { title: 'Lỗi', dataIndex: 'message' },
          ]}
        />
      ) : null}
      {summary ? (
        <div data-testid="import-summary">
          <Alert
            type="success"
            showIcon
            message="Đã nhập xong danh sách cơ quan."
            style={{ marginBottom: 12 }}
          />
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="Số dòng trong tệp">{summary.total}</Descriptions.Item>
            <Descriptions.Item label="Tạo mới">{summary.created}</Descriptions.Item>
            <Descriptions.Item label="Cập nhật">{summary.updated}</Descriptions.Item>
            <Descriptions.Item label="Không thay đổi">{summary.unchanged}</Descriptions.Item>
            <Descriptions.Item label="Theo năm lộ trình">
              {Object.entries(summary.byRoadmapYear)
                .map(([year, count]) => `${year}: ${count} cơ quan`)
                .join('; ')}
            </Descriptions.Item>
          </Descriptions>
        </div>
      ) : null}
    </Modal>
  );
}
