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

/** Primary files are what gets stamped and signed: PDF or DOCX only. */
export const PRIMARY_DOCUMENT_MEDIA_TYPES: readonly string[] = [MediaType.Pdf, MediaType.Docx];

/** What users call each type (its usual extension), in refusals that list the formats accepted. */
const MEDIA_TYPE_NAMES: Record<MediaType, string> = {
  [MediaType.Pdf]: 'PDF',
  [MediaType.Docx]: 'DOCX',
  [MediaType.Xlsx]: 'XLSX',
  [MediaType.Pptx]: 'PPTX',
  [MediaType.DocmMacro]: 'DOCM (có macro)',
  [MediaType.XlsmMacro]: 'XLSM (có macro)',
  [MediaType.Odt]: 'ODT',
  [MediaType.Doc]: 'DOC',
  [MediaType.Xls]: 'XLS',
  [MediaType.Ppt]: 'PPT',
  [MediaType.OleStorage]: 'tệp Office không rõ loại',
  [MediaType.Png]: 'PNG',
  [MediaType.Jpeg]: 'JPEG',
  [MediaType.Zip]: 'tệp nén ZIP',
  [MediaType.WindowsExecutable]: 'tệp chương trình (EXE)',
  [MediaType.PlainText]: 'văn bản thuần (TXT)',
  [MediaType.OctetStream]: 'tệp không rõ định dạng',
};

const ODF_PREFIX = 'application/vnd.oasis.opendocument.';
const ODF_NAMES: Record<string, string> = { spreadsheet: 'ODS', presentation: 'ODP', graphics: 'ODG' };

/** The name users know a media type by (`PDF`); the media type itself when it has none. */
export function mediaTypeName(mediaType: string): string {
  const known = (MEDIA_TYPE_NAMES as Record<string, string>)[mediaType];
  if (known) return known;
  if (mediaType.startsWith(ODF_PREFIX)) return ODF_NAMES[mediaType.slice(ODF_PREFIX.length)] ?? mediaType;
  return mediaType;
}

/** True when a sniffed media type is on the document allowlist. */
export function isAllowedDocumentMediaType(mediaType: string): boolean {
  return ALLOWED_DOCUMENT_MEDIA_TYPES.includes(mediaType);
}
