import { ConversionError, CONVERSION_MESSAGES, DocumentConverter } from './document-converter';

/** Neither Gotenberg nor LibreOffice is available: files keep their cover page only. */
export class NoConverter extends DocumentConverter {
  readonly kind = 'none';
  readonly description = 'không có (chỉ trang bìa)';

  convert(): Promise<Buffer> {
    return Promise.reject(new ConversionError(CONVERSION_MESSAGES.notConfigured));
  }
}
