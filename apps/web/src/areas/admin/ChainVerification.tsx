import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Space } from 'antd';
import { api, call } from '../../api/client';
import { errorMessage } from '../../api/api-error';

const REASONS = {
  hash_mismatch: 'nội dung mắt xích không khớp mã băm',
  prev_hash_mismatch: 'mắt xích không nối đúng mắt xích trước',
} as const;

/** "Kiểm tra chuỗi": checks the hash chain of the trail and says what it found. */
export function ChainVerification() {
  const verify = useMutation({ mutationFn: () => call(api.GET('/api/v1/audit-events/verify')) });
  const result = verify.data;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
        Kiểm tra chuỗi
      </Button>
      {verify.error ? (
        <Alert type="error" showIcon role="alert" message={errorMessage(verify.error)} />
      ) : null}
      {result ? (
        result.ok ? (
          <Alert
            type="success"
            showIcon
            role="status"
            message="Chuỗi nhật ký nguyên vẹn."
            description={`Đã kiểm tra ${result.checked.toLocaleString('vi-VN')} mắt xích (${
              result.scope === 'all' ? 'toàn hệ thống' : 'cơ quan của bạn'
            }).`}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            role="alert"
            message="Chuỗi nhật ký bị hỏng."
            description={
              result.firstBroken
                ? result.firstBroken.inScope && result.firstBroken.seq
                  ? `Mắt xích hỏng đầu tiên: số ${result.firstBroken.seq} (${REASONS[result.firstBroken.reason]}). Đã kiểm tra ${result.checked} mắt xích.`
                  : `Mắt xích hỏng đầu tiên thuộc cơ quan khác hoặc của hệ thống (${REASONS[result.firstBroken.reason]}).`
                : undefined
            }
          />
        )
      ) : null}
    </Space>
  );
}
