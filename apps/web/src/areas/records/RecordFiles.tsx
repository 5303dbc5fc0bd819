import { DownloadOutlined, EyeOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Progress, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { openFile, saveFile, uploadFiles } from '../../api/files';
import { useCan } from '../../auth/use-auth';
import { P } from '../../auth/permissions';
import { formatDateTime } from '../../ui/dates';
import { fileSizeText } from './labels';
import type { RecordFile, RecordItem } from './types';
import { EmptyText } from './EmptyText';

/** The files of a record: upload with progress (active records), open and download. */
export function RecordFiles({ record }: { record: RecordItem }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = useCan(P.RecordWrite);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploading, setUploading] = useState(false);
  const base = `/api/v1/records/${record.id}/files`;
  const upload = async (file: File) => {
    setUploading(true);
    setProgress(0);
    try {
      await uploadFiles(base, { file }, setProgress);
      message.success(`Đã tải lên tệp "${file.name}".`);
      await queryClient.invalidateQueries({ queryKey: ['records'] });
    } catch (failure) {
      setProgress(null);
      message.error(errorMessage(failure));
    } finally {
      setUploading(false);
    }
  };
  const act = (work: Promise<void>) => work.catch((failure: unknown) => message.error(errorMessage(failure)));
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {canWrite && record.state === 'active' ? (
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading}>
              Tải tệp lên
            </Button>
          </Upload>
        ) : null}
        {progress !== null ? (
          <div style={{ width: 240 }}>
            <Progress percent={progress} size="small" aria-label="Tiến độ tải tệp lên" />
          </div>
        ) : null}
      </Space>
      <Table<RecordFile>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={record.files ?? []}
        locale={{ emptyText: <EmptyText>Hồ sơ chưa có tệp nào.</EmptyText> }}
        columns={[
          { title: 'Tên tệp', dataIndex: 'name' },
          { title: 'Kích thước', dataIndex: 'size', render: (size: number) => fileSizeText(size) },
          { title: 'Tải lên lúc', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_, file) =>
              file.deletedAt ? (
                <Typography.Text type="secondary">
                  Đã xóa khi hủy ({formatDateTime(file.deletedAt)})
                </Typography.Text>
              ) : (
                <Space>
                  <Button
                    size="small"
                    icon={<EyeOutlined />}
                    aria-label={`Mở tệp ${file.name}`}
                    onClick={() => void act(openFile(`${base}/${file.id}`))}
                  />
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    aria-label={`Tải về tệp ${file.name}`}
                    onClick={() => void act(saveFile(`${base}/${file.id}`, file.name))}
                  />
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}
