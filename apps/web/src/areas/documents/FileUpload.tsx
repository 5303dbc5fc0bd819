import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Progress, Radio, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { uploadFiles } from '../../api/files';
import { versionApiPath, type FileView } from './labels';

/**
 * Uploads one file to a draft, the primary file (PDF or DOCX) or an attachment, with a progress
 * bar; the API takes the kind before the file (here in the address as well).
 */
export function FileUpload({
  documentId,
  versionId,
  hasPrimary,
  onUploaded,
}: {
  documentId: string;
  versionId: string;
  hasPrimary: boolean;
  onUploaded: (file: FileView) => Promise<unknown>;
}) {
  const [kind, setKind] = useState<FileView['kind']>(hasPrimary ? 'attachment' : 'primary');
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const effectiveKind = hasPrimary ? 'attachment' : kind;

  const send = async (file: File) => {
    setError(null);
    setProgress({ name: file.name, percent: 0 });
    try {
      const saved = await uploadFiles<FileView>(
        `${versionApiPath(documentId, versionId)}/files?kind=${effectiveKind}`,
        { kind: effectiveKind, file },
        (percent) => setProgress({ name: file.name, percent }),
      );
      await onUploaded(saved);
      setProgress(null);
    } catch (failure) {
      setError(errorMessage(failure));
      setProgress(null);
    }
  };

  return (
    <Flex vertical gap={8} style={{ marginTop: 12 }}>
      <Form layout="inline">
        <Form.Item label="Loại tệp">
          <Radio.Group
            value={effectiveKind}
            onChange={(event) => setKind(event.target.value as FileView['kind'])}
            options={[
              { value: 'primary', label: 'Tệp chính (PDF, DOCX)', disabled: hasPrimary },
              { value: 'attachment', label: 'Tệp đính kèm' },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Upload
            accept={
              effectiveKind === 'primary' ? '.pdf,.docx' : '.pdf,.docx,.doc,.xlsx,.xls,.odt,.png,.jpg,.jpeg'
            }
            showUploadList={false}
            disabled={progress !== null}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={progress !== null}>
              Tải tệp lên
            </Button>
          </Upload>
        </Form.Item>
      </Form>
      {progress ? (
        <div>
          <span>Đang tải lên {progress.name}</span>
          <Progress percent={progress.percent} aria-label={`Tiến độ tải lên ${progress.name}`} />
        </div>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
    </Flex>
  );
}
