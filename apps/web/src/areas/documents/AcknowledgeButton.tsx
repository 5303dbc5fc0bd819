import { CheckCircleOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { formatDate } from '../../ui/dates';
import { TAG_COLORS } from './labels';
import { useAcknowledgement } from './use-acknowledgement';

/** "Xác nhận đã đọc" of the version in force; once done, the date it was done. */
export function AcknowledgeButton({
  documentId,
  versionId,
  code,
}: {
  documentId: string;
  versionId: string;
  code: string;
}) {
  const { acknowledged, acknowledgedAt, acknowledge, busy } = useAcknowledgement(documentId, versionId);
  if (acknowledged) {
    return (
      <Tag icon={<CheckCircleOutlined />} color={TAG_COLORS.green}>
        {acknowledgedAt ? `Đã xác nhận đọc ngày ${formatDate(acknowledgedAt)}` : 'Đã xác nhận đọc'}
      </Tag>
    );
  }
  return (
    <Button
      size="small"
      loading={busy}
      onClick={() => void acknowledge()}
      aria-label={`Xác nhận đã đọc ${code}`}
    >
      Xác nhận đã đọc
    </Button>
  );
}
