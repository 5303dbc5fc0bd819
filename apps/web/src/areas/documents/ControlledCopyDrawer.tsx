import { Alert, Drawer, Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { errorMessage } from '../../api/api-error';
import { fetchFile } from '../../api/files';
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
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    let made: string | null = null;
    let cancelled = false;
    setUrl(null);
    setError(null);
    fetchFile(`${versionApiPath(target.documentId, target.versionId)}/controlled-copy`)
      .then(({ blob }) => {
        if (cancelled) return;
        made = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: 'application/pdf' }));
        setUrl(made);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(errorMessage(failure));
      });
    return () => {
      cancelled = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [target]);

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
