import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/api-error';
import { uploadFiles } from '../../api/files';
import { periodLabel } from './objective-labels';
import type { ObjectiveDetail, ObjectiveImportResult } from './objective-types';

/** "Nhập từ tệp CSV": the two shapes the server recognises, and what the import did or why not. */
export function ImportModal({
  open,
  onClose,
  objective,
}: {
  open: boolean;
  onClose: () => void;
  objective: ObjectiveDetail;
}) {
  const [file, setFile] = useState<UploadFile | null>(null);
  const [result, setResult] = useState<ObjectiveImportResult | null>(null);
  const [errors, setErrors] = useState<{ message: string; rows: string[] } | null>(null);
  const queryClient = useQueryClient();
  const importCsv = useMutation({
    mutationFn: () =>
      uploadFiles<ObjectiveImportResult>(`/api/v1/objectives/${objective.id}/measurements/import`, {
        file: file!.originFileObj as Blob,
      }),
    onSuccess: (answer) => {
      setResult(answer);
      setErrors(null);
      void queryClient.invalidateQueries({ queryKey: ['objectives'] });
    },
    onError: (failure) => {
      const rows =
        failure instanceof ApiError
          ? ((failure.details?.errors as { message?: string }[] | undefined) ?? []).map(
              (e) => e.message ?? '',
            )
          : [];
      setErrors({ message: errorMessage(failure), rows });
      setResult(null);
    },
  });
  const close = () => {
    setFile(null);
    setResult(null);
    setErrors(null);
    onClose();
  };
  return (
    <Modal
      open={open}
      title="Nhập số liệu từ tệp CSV"
      okText="Nhập"
      cancelText="Đóng"
      okButtonProps={{ disabled: !file }}
      confirmLoading={importCsv.isPending}
      onOk={() => importCsv.mutate()}
      onCancel={close}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph>
        Tệp CSV (UTF-8, phân cách bằng dấu phẩy hoặc chấm phẩy), dòng đầu là một trong hai dạng:
      </Typography.Paragraph>
      <ul>
        <li>
          <code>ky,gia_tri,ghi_chu</code> — mỗi dòng một kỳ đo;
        </li>
        <li>
          <code>ky,ma_tthc,ten_tthc,dung_han,tre_han</code> — số liệu xuất từ hệ thống một cửa (mục tiêu đo
          hằng tháng): tỷ lệ đúng hạn của tháng được tính tự động.
        </li>
      </ul>
      <Typography.Paragraph type="secondary">
        Tệp có dòng lỗi thì không nhập dòng nào; kỳ đã có số liệu được cập nhật.
      </Typography.Paragraph>
      <Upload
        accept=".csv,text/csv"
        maxCount={1}
        fileList={file ? [file] : []}
        beforeUpload={() => false}
        onChange={({ fileList }) => {
          setFile(fileList.at(-1) ?? null);
          setResult(null);
          setErrors(null);
        }}
      >
        <Button icon={<UploadOutlined />}>Chọn tệp CSV</Button>
      </Upload>
      {result ? (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          role="status"
          message="Đã nhập số liệu."
          description={
            <>
              {result.created.length ? (
                <div>Kỳ nhập mới: {result.created.map(periodLabel).join(', ')}</div>
              ) : null}
              {result.updated.length ? (
                <div>Kỳ được cập nhật: {result.updated.map(periodLabel).join(', ')}</div>
              ) : null}
            </>
          }
        />
      ) : null}
      {errors ? (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          role="alert"
          message={errors.message}
          description={
            errors.rows.length ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {errors.rows.map((row) => (
                  <li key={row}>{row}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
    </Modal>
  );
}
