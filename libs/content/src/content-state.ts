import { MediaType } from '@eiso/storage';

/** Where a file's PDF rendition stands; null on the row when the file needs none (a PDF, an image). */
export enum RenditionState {
  Pending = 'pending',
  Ready = 'ready',
  /** The conversion failed or timed out on its last attempt; a retry starts it again. */
  Failed = 'failed',
  /** No conversion service is configured: the controlled copy keeps its cover page. */
  Unavailable = 'unavailable',
}

/** Where the extraction of a file's text stands. */
export enum TextState {
  Pending = 'pending',
  Ready = 'ready',
  /** A scanned PDF or an image: pages without a text layer (OCR is a later step). */
  NoTextLayer = 'no_text_layer',
  /** A format whose text cannot be read without its rendition (.doc, .odt, .xls without LibreOffice). */
  Unsupported = 'unsupported',
  Failed = 'failed',
}

export const RENDITION_STATE_LABELS: Record<RenditionState, string> = {
  [RenditionState.Pending]: 'Đang chuyển sang PDF',
  [RenditionState.Ready]: 'Đã có bản PDF',
  [RenditionState.Failed]: 'Chuyển sang PDF không thành công',
  [RenditionState.Unavailable]: 'Chưa có dịch vụ chuyển đổi sang PDF',
};

export const TEXT_STATE_LABELS: Record<TextState, string> = {
  [TextState.Pending]: 'Đang đọc nội dung',
  [TextState.Ready]: 'Đã đọc nội dung, tìm kiếm được',
  [TextState.NoTextLayer]: 'Không có lớp chữ',
  [TextState.Unsupported]: 'Không đọc được nội dung của định dạng này',
  [TextState.Failed]: 'Đọc nội dung không thành công',
};

/** Word, ODF text and spreadsheets: rendered to PDF by LibreOffice. */
export const RENDERED_MEDIA_TYPES: readonly string[] = [
  MediaType.Docx,
  MediaType.Doc,
  MediaType.Odt,
  MediaType.Xlsx,
  MediaType.Xls,
];

/** The extension LibreOffice reads each rendered type by. */
export const RENDERED_EXTENSIONS: Record<string, string> = {
  [MediaType.Docx]: 'docx',
  [MediaType.Doc]: 'doc',
  [MediaType.Odt]: 'odt',
  [MediaType.Xlsx]: 'xlsx',
  [MediaType.Xls]: 'xls',
};

export function needsRendition(mediaType: string): boolean {
  return RENDERED_MEDIA_TYPES.includes(mediaType);
}

/** Where a file's rendition is stored: beside the original, never over it (keys are immutable). */
export function renditionKeyOf(sourceKey: string, generation: number): string {
  return `${sourceKey}.rendition-${generation}.pdf`;
}
