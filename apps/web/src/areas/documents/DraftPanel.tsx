import { SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { api, call, ifMatch } from '../../api/client';
import { useAuth } from '../../auth/use-auth';
import { CommentsList } from './CommentsList';
import { DraftEditForm } from './DraftEditForm';
import { FileTable } from './FileTable';
import { FileUpload } from './FileUpload';
import type { VersionView } from './labels';

/**
 * The draft being written: the comments it came back with, its details, its files (upload with
 * progress, removal) and "Trình xem xét" for its author.
 */
export function DraftPanel({
  documentId,
  agencyId,
  version,
}: {
  documentId: string;
  agencyId: string;
  version: VersionView;
}) {
  const { me } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [submitting, setSubmitting] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['documents'] });
  const returns = version.comments.filter((c) => c.kind.endsWith('return'));
  const isAuthor = me?.id === version.authorId;
  const hasPrimary = version.files.some((f) => f.kind === 'primary');

  const removeFile = async (fileId: string) => {
    try {
      await call(
        api.DELETE('/api/v1/documents/{id}/versions/{vid}/files/{fid}', {
          params: { path: { id: documentId, vid: version.id, fid: fileId } },
        }),
      );
      void message.success('Đã xóa tệp khỏi dự thảo.');
      await refresh();
    } catch (failure) {
      void message.error(errorMessage(failure));
    }
  };
  const submit = async () => {
    setSubmitting(true);
    try {
      await call(
        api.POST('/api/v1/documents/{id}/versions/{vid}/submit', {
          params: { path: { id: documentId, vid: version.id }, header: ifMatch(version.version) },
        }),
      );
      void message.success('Đã trình dự thảo để xem xét.');
      await refresh();
    } catch (failure) {
      void message.error(errorMessage(failure));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          Dự thảo lần sửa đổi {version.revision}
        </Typography.Title>
      }
      extra={
        isAuthor ? (
          <Button type="primary" icon={<SendOutlined />} loading={submitting} onClick={() => void submit()}>
            Trình xem xét
          </Button>
        ) : null
      }
      style={{ marginBottom: 16 }}
    >
      {returns.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Dự thảo đã bị trả lại. Ý kiến cần xử lý:"
          description={<CommentsList comments={returns} />}
        />
      ) : null}
      <Flex vertical gap={24}>
        <DraftEditForm documentId={documentId} version={version} onSaved={refresh} />
        <div>
          <FileTable
            documentId={documentId}
            versionId={version.id}
            agencyId={agencyId}
            files={version.files}
            caption="Tệp của dự thảo"
            onDelete={(file) => removeFile(file.id)}
          />
          <FileUpload
            documentId={documentId}
            versionId={version.id}
            hasPrimary={hasPrimary}
            onUploaded={async (file) => {
              void message.success(`Đã tải lên ${file.name}.`);
              await refresh();
            }}
          />
          {!hasPrimary ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              Cần có tệp chính (PDF hoặc DOCX) trước khi trình xem xét.
            </Typography.Paragraph>
          ) : null}
        </div>
      </Flex>
    </Card>
  );
}
