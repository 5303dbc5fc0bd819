import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { saveFile } from '../../api/files';

/** "Xuất Excel" and "Xuất PDF" of a register: the same route with `format`, saved as a download. */
export function RegisterExportButtons({ path, title }: { path: string; title: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const save = async (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    try {
      await saveFile(`/api/v1/registers/${path}?format=${format}`, `${title}.${format}`);
    } catch (failure) {
      message.error(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space>
      <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => void save('xlsx')}>
        Xuất Excel
      </Button>
      <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => void save('pdf')}>
        Xuất PDF
      </Button>
    </Space>
  );
}
