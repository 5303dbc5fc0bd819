/** Media types the sniffer can name. Values are the IANA names stored beside each file. */
export const MediaType = {
  Pdf: 'application/pdf',
  Docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  Xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  Pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  DocmMacro: 'application/vnd.ms-word.document.macroEnabled.12',
  XlsmMacro: 'application/vnd.ms-excel.sheet.macroEnabled.12',
  Odt: 'application/vnd.oasis.opendocument.text',
  Doc: 'application/msword',
  Xls: 'application/vnd.ms-excel',
  Ppt: 'application/vnd.ms-powerpoint',
  OleStorage: 'application/x-ole-storage',
  Png: 'image/png',
  Jpeg: 'image/jpeg',
  Zip: 'application/zip',
  WindowsExecutable: 'application/x-msdownload',
  PlainText: 'text/plain',
  OctetStream: 'application/octet-stream',
} as const;

export type MediaType = (typeof MediaType)[keyof typeof MediaType];

/** What users may upload as a controlled document or record; everything else is refused (415). */
export const ALLOWED_DOCUMENT_MEDIA_TYPES: readonly string[] = [
  MediaType.Pdf,
  MediaType.Docx,
  MediaType.Xlsx,
  MediaType.Doc,
  MediaType.Xls,
  MediaType.Odt,
  MediaType.Png,
  MediaType.Jpeg,
];

/** True when a sniffed media type is on the document allowlist. */
export function isAllowedDocumentMediaType(mediaType: string): boolean {
  return ALLOWED_DOCUMENT_MEDIA_TYPES.includes(mediaType);
}
