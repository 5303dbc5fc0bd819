/**
 * `attachment` with the real name as RFC 5987 `filename*` (Vietnamese survives) and an ASCII
 * `filename` for old clients: "Quy trình.pdf" → filename="Quy trinh.pdf"; filename*=UTF-8''Quy%20tr%C3%ACnh.pdf
 */
export function attachmentContentDisposition(fileName: string): string {
  // No control characters or path separators in a name the browser will save to disk.
  const name =
    fileName
      .normalize('NFC')
      .replace(/[\p{Cc}/\\]/gu, '_')
      .trim() || 'download';
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

function asciiFallback(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
}

/** encodeURIComponent leaves ' ( ) * unescaped, but RFC 5987 attr-char does not allow them. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
