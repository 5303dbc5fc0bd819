import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { api, call } from '../../api/client';
import { saveFile, uploadFiles } from '../../api/files';

interface EvidenceFile {
  id: string;
  name: string;
  size: number;
  mediaType: string;
}

const sizeLabel = (bytes: number) =>
  bytes >= 1_048_576
    ? `${(bytes / 1_048_576).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;

/** Whose evidence: a checklist item or a finding of the audit. */
export type EvidenceOwner = { auditId: string } & ({ itemId: string } | { findingId: string });

async function listFiles(owner: EvidenceOwner): Promise<EvidenceFile[]> {
  if ('itemId' in owner) {
    const page = await call(
      api.GET('/api/v1/audits/{id}/checklist/{itemId}/files', {
        params: { path: { id: owner.auditId, itemId: owner.itemId } },
      }),
    );
    return page.items;
  }
  return call(
    api.GET('/api/v1/audits/{id}/findings/{findingId}/files', {
      params: { path: { id: owner.auditId, findingId: owner.findingId } },
    }),
  );
}

async function deleteFile(owner: EvidenceOwner, fid: string): Promise<void> {
  if ('itemId' in owner) {
    await call(
      api.DELETE('/api/v1/audits/{id}/checklist/{itemId}/files/{fid}', {
        params: { path: { id: owner.auditId, itemId: owner.itemId, fid } },
      }),
    );
  } else {
    await call(
      api.DELETE('/api/v1/audits/{id}/findings/{findingId}/files/{fid}', {
        params: { path: { id: owner.auditId, findingId: owner.findingId, fid } },
      }),
    );
  }
}

/** The address of the owner's files (for uploads with progress and guarded downloads). */
export function evidencePath(owner: EvidenceOwner): string {
  return 'itemId' in owner
    ? `/api/v1/audits/${owner.auditId}/checklist/${owner.itemId}/files`
    : `/api/v1/audits/${owner.auditId}/findings/${owner.findingId}/files`;
}

/**
 * The evidence files of a checklist item or a finding: listed, saved with the user's token,
 * uploaded with a progress bar and deleted while the audit is in progress.
 */
export function EvidenceFiles({
  owner,
  editable,
  label,
}: {
  owner: EvidenceOwner;
  editable: boolean;
  /** What the files are evidence of, for the buttons' accessible names. */
  label: string;
}) {
  const basePath = evidencePath(owner);
  const queryKey = ['audits', 'evidence', basePath];
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const files = useQuery({
    queryKey,
    queryFn: () => listFiles(owner),
  });
  const upload = async (file: File) => {
    setProgress(0);
    try {
      await uploadFiles(basePath, { file }, setProgress);
      void message.success(`Đã tải lên tệp ${file.name}.`);
      await queryClient.invalidateQueries({ queryKey });
    } catch (failure) {
      void message.error(errorMessage(failure));
    } finally {
      setProgress(null);
    }
  };
  const remove = (file: EvidenceFile) =>
    modal.confirm({
      title: `Xóa tệp ${file.name}?`,
      okText: 'Xóa',
      okButtonProps: { danger: true },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await deleteFile(owner, file.id);
          void message.success(`Đã xóa tệp ${file.name}.`);
          await queryClient.invalidateQueries({ queryKey });
        } catch (failure) {
          void message.error(errorMessage(failure));
        }
      },
    });

  return (
    <div>
      <Typography.Text strong>Tệp bằng chứng</Typography.Text>
      <List<EvidenceFile>
        size="small"
        loading={files.isPending}
        locale={{ emptyText: <span style={{ color: '#595959' }}>Chưa có tệp bằng chứng.</span> }}
        dataSource={files.data ?? []}
        renderItem={(file) => (
          <List.Item
            actions={[
              <Button
                key="save"
                type="text"
                icon={<DownloadOutlined />}
                aria-label={`Tải về ${file.name}`}
                onClick={() =>
                  void saveFile(`${basePath}/${file.id}`, file.name).catch((failure: unknown) =>
                    message.error(errorMessage(failure)),
                  )
                }
              />,
              ...(editable
                ? [
                    <Button
                      key="delete"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`Xóa ${file.name}`}
                      onClick={() => void remove(file)}
                    />,
                  ]
                : []),
            ]}
          >
            {file.name} ({sizeLabel(file.size)})
          </List.Item>
        )}
      />
      {editable ? (
        <>
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button
              icon={<UploadOutlined />}
              loading={progress !== null}
              aria-label={`Tải lên tệp bằng chứng: ${label}`}
            >
              Tải lên tệp bằng chứng
            </Button>
          </Upload>
          {progress !== null ? (
            <Progress
              percent={progress}
              size="small"
              aria-label="Tiến độ tải lên"
              style={{ maxWidth: 320 }}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
