export type ConverterKind = 'gotenberg' | 'soffice' | 'none';

export interface ConversionInput {
  bytes: Buffer;
  /** The user's file name; never put on a path or in a form (the converters send `source.<ext>`). */
  fileName: string;
  /** e.g. 'docx' */
  extension: string;
}

/** Thrown when a conversion fails; `timedOut` true when it ran past the deadline. Message in Vietnamese. */
export class ConversionError extends Error {
  constructor(
    message: string,
    readonly timedOut = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ConversionError';
  }
}

/** Turns Word, OpenDocument and Excel files into PDF (the rendition shown and stamped in eISO). */
export abstract class DocumentConverter {
  abstract readonly kind: ConverterKind;
  /**
   * A human description for the start-up log, Vietnamese, e.g. 'Gotenberg tại http://gotenberg:3000'
   * or 'LibreOffice cục bộ (/usr/bin/soffice)' or 'không có (chỉ trang bìa)'.
   */
  abstract readonly description: string;
  /** PDF bytes of the input; throws ConversionError. `none` always throws. */
  abstract convert(input: ConversionInput, timeoutMs: number): Promise<Buffer>;
}

/** Vietnamese texts of a failed conversion; the row of the file shows them, so they do not repeat its name. */
export const CONVERSION_MESSAGES = {
  notConfigured: 'Chưa cấu hình dịch vụ chuyển đổi tài liệu sang PDF (Gotenberg hoặc LibreOffice).',
  badExtension: 'Không chuyển được tệp sang PDF: phần mở rộng của tệp không hợp lệ.',
  notThatFormat: (extension: string) =>
    `Không chuyển được tệp sang PDF: nội dung tệp không đúng định dạng .${extension} (tệp hỏng hoặc bị đổi tên).`,
  timedOut: (seconds: number) => `Chuyển tệp sang PDF quá ${seconds} giây nên đã bị dừng.`,
  failed: 'Không chuyển được tệp sang PDF: tệp bị hỏng hoặc định dạng không được hỗ trợ.',
  sofficeUnavailable: 'Không chạy được LibreOffice trên máy chủ để chuyển tài liệu sang PDF.',
  unreachable: 'Không kết nối được dịch vụ chuyển đổi tài liệu sang PDF (Gotenberg).',
  httpStatus: (status: number) => `Dịch vụ chuyển đổi tài liệu sang PDF (Gotenberg) trả lỗi HTTP ${status}.`,
  notPdf: 'Dịch vụ chuyển đổi tài liệu sang PDF (Gotenberg) không trả về tệp PDF.',
} as const;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Office Open XML and OpenDocument files are ZIP packages. */
const ZIP_FORMATS = new Set(
  'docx docm dotx dotm xlsx xlsm xltx xltm pptx pptm ppsx odt ott ods ots odp otp odg'.split(' '),
);
/**
 * Legacy binary Office files; a `.doc` or `.xls` saved by older systems is often RTF or HTML under
 * that name, which LibreOffice opens as well.
 */
const LEGACY_FORMATS = new Set('doc dot xls xlt ppt pps'.split(' '));

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

/** RTF or markup (HTML, SpreadsheetML 2003), after an optional byte-order mark and blank space. */
function isTextDocument(bytes: Buffer): boolean {
  const head = bytes
    .subarray(0, 512)
    .toString('latin1')
    .replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '');
  return /^\s*(\{\\rtf|<)/.test(head.replace(/\0/g, ''));
}

/**
 * The name the converters give the bytes (`source.docx`): ASCII and safe on a path and in a form,
 * with the extension LibreOffice picks its import filter by. Refuses, before any process starts, an
 * extension that is not a plain one and bytes that are not of the format the extension names:
 * LibreOffice would otherwise read random bytes named `.docx` as plain text and "succeed".
 */
export function sourceFileName(input: ConversionInput): string {
  const extension = input.extension.trim().replace(/^\./, '').toLowerCase();
  if (!/^[a-z0-9]{1,10}$/.test(extension)) {
    throw new ConversionError(CONVERSION_MESSAGES.badExtension);
  }
  const fits = ZIP_FORMATS.has(extension)
    ? startsWith(input.bytes, ZIP)
    : LEGACY_FORMATS.has(extension)
      ? startsWith(input.bytes, OLE2) || isTextDocument(input.bytes)
      : extension === 'rtf'
        ? isTextDocument(input.bytes)
        : input.bytes.length > 0;
  if (!fits) throw new ConversionError(CONVERSION_MESSAGES.notThatFormat(extension));
  return `source.${extension}`;
}
