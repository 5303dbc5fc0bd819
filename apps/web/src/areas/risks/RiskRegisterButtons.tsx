import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { openFile, saveFile } from '../../api/files';

/** Sổ đăng ký rủi ro và cơ hội: save as XLSX, open as PDF (files guarded by the token). */
export function RiskRegisterButtons() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const run = async (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    const path = `/api/v1/risks/register?format=${format}`;
    try {
      if (format === 'xlsx') await saveFile(path, 'so-dang-ky-rui-ro-va-co-hoi.xlsx');
      else await openFile(path);
    } catch (failure) {
      void message.error(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => void run('xlsx')}>
        Sổ đăng ký (XLSX)
      </Button>
      <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => void run('pdf')}>
        Sổ đăng ký (PDF)
      </Button>
    </>
  );
}
