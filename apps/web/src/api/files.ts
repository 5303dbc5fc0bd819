import { ApiError } from './api-error';
import { accessToken } from './client';

/**
 * Sends files as multipart/form-data with upload progress (fetch has none): `onProgress` gets
 * 0–100. Resolves with the JSON answer; rejects with the server's ApiError.
 */
export async function uploadFiles<T>(
  path: string,
  fields: Record<string, string | Blob | Blob[]>,
  onProgress?: (percent: number) => void,
): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const part of Array.isArray(value) ? value : [value]) form.append(name, part);
  }
  const token = await accessToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(ApiError.network(new Error('upload failed')));
    xhr.onload = () => {
      const response = new Response(xhr.responseText || null, {
        status: xhr.status,
        headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? 'application/json' },
      });
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(100);
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
      } else {
        void ApiError.from(response).then(reject);
      }
    };
    xhr.send(form);
  });
}

/** Fetches a file the API guards (a PDF, an export) with the user's token. */
export async function fetchFile(path: string): Promise<{ blob: Blob; fileName: string | null }> {
  const token = await accessToken();
  let response: Response;
  try {
    response = await fetch(path, {
      cache: 'no-store',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
  } catch (cause) {
    throw ApiError.network(cause);
  }
  if (!response.ok) throw await ApiError.from(response);
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) };
}

/** Opens a guarded file (a controlled copy, a report) in a new tab, as the browser shows it. */
export async function openFile(path: string): Promise<void> {
  const { blob } = await fetchFile(path);
  const url = URL.createObjectURL(blob);
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves a guarded file under the name the server gave it (or `fallback`). */
export async function saveFile(path: string, fallback: string): Promise<void> {
  const { blob, fileName } = await fetchFile(path);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName ?? fallback;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}
