import { MediaType } from '@eiso/storage';
import { TextState } from '../content-state';
import type { RecordedText } from '../file-content.repository';
import { extractDocxText } from './docx-text.extractor';
import { extractPdfText } from './pdf-text.extractor';
import { extractXlsxText } from './xlsx-text.extractor';

/**
 * What is kept of a file's text: a 5-page procedure is about 15,000 characters; a register of a
 * thousand pages is cut here, well within what one tsvector holds (1 MB).
 */
export const MAX_TEXT_CHARS = 500_000;

/** Fewer letters and digits than this per page: the pages are scans (no text layer). */
const MIN_CHARS_PER_PAGE = 8;

export interface TextSource {
  mediaType: string;
  bytes: Buffer;
  /** The PDF rendition, when one was made. */
  rendition: Buffer | null;
}

/** Thrown when a file's bytes cannot be read (corrupt, encrypted): retrying will not help. */
export class UnreadableContentError extends Error {}

function kept(text: string, pages: number | null): RecordedText {
  const normalized = text
    .normalize('NFC')
    // PostgreSQL text holds no NUL (a PDF's text layer may).
    .replaceAll('\u0000', '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return {
    state: TextState.Ready,
    text: normalized.length > MAX_TEXT_CHARS ? normalized.slice(0, MAX_TEXT_CHARS) : normalized,
    pages,
    error: null,
  };
}

const none = (state: TextState, error: string | null = null, pages: number | null = null): RecordedText => ({
  state,
  text: null,
  pages,
  error,
});

async function fromPdf(bytes: Buffer): Promise<RecordedText> {
  let read;
  try {
    read = await extractPdfText(bytes);
  } catch (error) {
    throw new UnreadableContentError('Tệp PDF hỏng hoặc được đặt mật khẩu: không đọc được nội dung', {
      cause: error,
    });
  }
  const letters = (read.text.match(/[\p{L}\p{N}]/gu) ?? []).length;
  if (letters < MIN_CHARS_PER_PAGE * Math.max(1, Math.min(read.pages, 3)))
    return none(TextState.NoTextLayer, null, read.pages);
  return kept(read.text, read.pages);
}

/**
 * The text of a file for the search: the PDF's text layer; a Word or ODF file's from its
 * rendition (the pages as LibreOffice lays them out), else a .docx's from its XML; a
 * spreadsheet's from its cells. Images and scanned PDFs have none ("không có lớp chữ").
 */
export async function readText(source: TextSource): Promise<RecordedText> {
  switch (source.mediaType) {
    case MediaType.Pdf:
      return fromPdf(source.bytes);
    case MediaType.Png:
    case MediaType.Jpeg:
      return none(TextState.NoTextLayer, null, 1);
    case MediaType.Xlsx:
      try {
        return kept(await extractXlsxText(source.bytes), null);
      } catch (error) {
        if (source.rendition) return fromPdf(source.rendition);
        throw new UnreadableContentError('Tệp Excel hỏng: không đọc được nội dung', { cause: error });
      }
    case MediaType.Docx:
      if (source.rendition) return fromPdf(source.rendition);
      try {
        return kept(await extractDocxText(source.bytes), null);
      } catch (error) {
        throw new UnreadableContentError('Tệp Word hỏng: không đọc được nội dung', { cause: error });
      }
    case MediaType.Doc:
    case MediaType.Odt:
    case MediaType.Xls:
      if (source.rendition) return fromPdf(source.rendition);
      return none(
        TextState.Unsupported,
        'Định dạng này chỉ đọc được nội dung sau khi chuyển sang PDF (cần LibreOffice hoặc Gotenberg)',
      );
    default:
      return none(TextState.Unsupported);
  }
}
