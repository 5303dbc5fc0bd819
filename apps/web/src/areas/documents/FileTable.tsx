import { DeleteOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Table, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { openFile } from '../../api/files';
import { formatDateTime } from '../../ui/dates';
import { FILE_KIND_LABELS, TAG_COLORS, formatSize, versionApiPath, type FileView } from './labels';

/** The files of a version: open each (with the user's token); a draft's files can be removed. */
export function FileTable({
  documentId,
  versionId,
  files,
  caption,
  onDelete,
}: {
  documentId: string;
  versionId: string;
  files: FileView[];
  caption: string;
  onDelete?: (file: FileView) => Promise<unknown>;
}) {
  const { message } = App.useApp();
  const [opening, setOpening] = useState<string | null>(null);
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
