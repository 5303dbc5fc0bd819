import { useEffect, useState } from 'react';
import { errorMessage } from '../api/api-error';
import { fetchFile } from '../api/files';

/**
 * A guarded file (a PDF the API serves to this user only) as a blob: address the page itself made,
 * for an iframe; fetched again when `path` changes, released when it does or the screen closes.
 * `path` null fetches nothing; a new `revision` (what the file is made from changed) fetches again.
 */
export function useFileUrl(
  path: string | null,
  revision?: number,
): { url: string | null; error: string | null } {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!path) return;
    let made: string | null = null;
    let cancelled = false;
    setUrl(null);
    setError(null);
    fetchFile(path)
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
  }, [path, revision]);
  return { url, error };
}
