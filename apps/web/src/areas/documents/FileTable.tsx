import { DeleteOutlined, EyeOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Table, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { api, call } from '../../api/client';
import { openFile } from '../../api/files';
import { useAuth } from '../../auth/use-auth';
import { formatDateTime } from '../../ui/dates';
import { FileContentTags } from './FileContentTags';
import { CONTENT_TEXT, contentNeedsRetry, mayRetryContent } from './file-content';
import { FILE_KIND_LABELS, TAG_COLORS, formatSize, versionApiPath, type FileView } from './labels';

/**
 * The files of a version: open each (with the user's token), what became of its content (PDF
 * rendition, text for search) with "Chạy lại" for the drafting circle of `agencyId`; a draft's
 * files can be removed.
 */
export function FileTable({
  documentId,
  versionId,
  agencyId,
  files,
  caption,
  onDelete,
}: {
  documentId: string;
  versionId: string;
  agencyId: string;
  files: FileView[];
  caption: string;
  onDelete?: (file: FileView) => Promise<unknown>;
}) {
  const { message } = App.useApp();
  const { me } = useAuth();
  const queryClient = useQueryClient();
  const [opening, setOpening] = useState<string | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);
  const canRetry = mayRetryContent(me, agencyId);
  const retry = async (file: FileView) => {
    setRetrying(file.id);
    try {
      await call(
        api.POST('/api/v1/documents/{id}/versions/{vid}/files/{fid}/content/retry', {
          params: { path: { id: documentId, vid: versionId, fid: file.id } },
        }),
      );
      void message.success(CONTENT_TEXT.retried(file.name));
      await queryClient.invalidateQueries({ queryKey: ['documents'] });
    } catch (failure) {
      void message.error(errorMessage(failure));
    } finally {
      setRetrying(null);
    }
  };
  const open = async (file: FileView) => {
    setOpening(file.id);
    try {
      await openFile(`${versionApiPath(documentId, versionId)}/files/${file.id}`);
    } catch (failure) {
      void message.error(errorMessage(failure));
    } finally {
      setOpening(null);
    }
  };
  return (
    <Table<FileView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={files}
      caption={<span style={{ display: 'block', textAlign: 'left', fontWeight: 600 }}>{caption}</span>}
      locale={{ emptyText: 'Chưa có tệp nào.' }}
      columns={[
        { title: 'Tên tệp', dataIndex: 'name' },
        {
          title: 'Loại tệp',
          dataIndex: 'kind',
          render: (kind: FileView['kind']) => (
            <Tag color={kind === 'primary' ? TAG_COLORS.blue : 'default'}>{FILE_KIND_LABELS[kind]}</Tag>
          ),
        },
        { title: 'Kích thước', dataIndex: 'size', render: (size: number) => formatSize(size) },
        {
          title: CONTENT_TEXT.column,
          key: 'content',
          render: (_, file) => (
            <FileContentTags
              file={file}
              retrying={retrying === file.id}
              onRetry={canRetry && contentNeedsRetry(file) ? () => void retry(file) : undefined}
            />
          ),
        },
        { title: 'Tải lên lúc', dataIndex: 'createdAt', render: (value: string) => formatDateTime(value) },
        {
          title: 'Thao tác',
          render: (_, file) => (
            <Flex gap={4}>
              <Button
                size="small"
                icon={<EyeOutlined />}
                loading={opening === file.id}
                aria-label={`Mở tệp ${file.name}`}
                onClick={() => void open(file)}
              />
              {onDelete ? (
                <Popconfirm
                  title={`Xóa tệp ${file.name} khỏi dự thảo?`}
                  okText="Xóa"
                  cancelText="Không"
                  onConfirm={() => void onDelete(file)}
                >
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={`Xóa tệp ${file.name}`} />
                </Popconfirm>
              ) : null}
            </Flex>
          ),
        },
      ]}
    />
  );
}
