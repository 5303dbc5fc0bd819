import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { openFile, saveFile } from '../../api/files';

/** The register "Sổ theo dõi" of a year: save as XLSX, open as PDF (files guarded by the token). */
export function RegisterButtons({ year }: { year: number }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const run = async (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    const path = `/api/v1/nonconformities/register?format=${format}&year=${year}`;
    try {
      if (format === 'xlsx') await saveFile(path, `so-theo-doi-su-khong-phu-hop-${year}.xlsx`);
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
        Sổ theo dõi (XLSX)
      </Button>
      <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => void run('pdf')}>
        Sổ theo dõi (PDF)
      </Button>
    </>
  );
}
