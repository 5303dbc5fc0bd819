import { Alert, Drawer, Spin } from 'antd';
import { type ReactNode } from 'react';
import { useFileUrl } from '../../ui/use-file-url';
import { versionApiPath } from './labels';

/**
 * The controlled copy (stamped PDF with the signature page) shown inside the screen: fetched with
 * the user's token, shown from a blob: address the page itself made.
 */
export function ControlledCopyDrawer({
  target,
  onClose,
  footer,
}: {
  target: { documentId: string; versionId: string; code: string } | null;
  onClose: () => void;
  footer?: ReactNode;
}) {
  const { url, error } = useFileUrl(
    target ? `${versionApiPath(target.documentId, target.versionId)}/controlled-copy` : null,
  );

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={960}
      title={target ? `Bản có kiểm soát: ${target.code}` : ''}
      footer={footer}
      destroyOnHidden
      styles={{ body: { padding: 0, display: 'flex' } }}
    >
      {error ? (
        <Alert type="error" showIcon title={error} style={{ margin: 16 }} role="alert" />
      ) : url ? (
        <iframe
          src={url}
          title={target ? `Bản có kiểm soát của tài liệu ${target.code}` : 'Bản có kiểm soát'}
          style={{ border: 0, width: '100%', minHeight: '80vh', flex: 1 }}
        />
      ) : (
        <Spin style={{ margin: 48 }} />
      )}
    </Drawer>
  );
}
