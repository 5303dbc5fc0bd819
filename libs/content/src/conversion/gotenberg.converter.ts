import {
  ConversionError,
  ConversionInput,
  CONVERSION_MESSAGES,
  DocumentConverter,
  sourceFileName,
} from './document-converter';

/** The part of Gotenberg's answer kept for the log: its request id and the start of its error text. */
function failureDetail(response: Response, body: string): string {
  const trace = response.headers.get('Gotenberg-Trace');
  return `HTTP ${response.status}${trace ? ` (Gotenberg-Trace ${trace})` : ''}: ${body.trim().slice(0, 500)}`;
}

/**
 * Converts through a Gotenberg service (its LibreOffice route): the office suite runs in its own
 * container, away from the processes that hold the database and storage credentials.
 */
export class GotenbergConverter extends DocumentConverter {
  readonly kind = 'gotenberg';
  readonly description: string;
  private readonly route: string;

  constructor(baseUrl: string) {
    super();
    const base = baseUrl.replace(/\/+$/, '');
    this.description = `Gotenberg tại ${base}`;
    this.route = `${base}/forms/libreoffice/convert`;
  }

  async convert(input: ConversionInput, timeoutMs: number): Promise<Buffer> {
    // Gotenberg picks LibreOffice's import filter by the extension of the part's file name.
    const form = new FormData();
    form.append('files', new Blob([input.bytes]), sourceFileName(input));
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(this.route, { method: 'POST', body: form, signal });
      if (response.status !== 200) {
        const body = await response.text().catch(() => '');
        throw new ConversionError(CONVERSION_MESSAGES.httpStatus(response.status), false, {
          cause: failureDetail(response, body),
        });
      }
      const type = response.headers.get('content-type') ?? '';
      const bytes = Buffer.from(await response.arrayBuffer());
      if (!type.startsWith('application/pdf') || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
        throw new ConversionError(CONVERSION_MESSAGES.notPdf, false, {
          cause: `Content-Type ${type || '(none)'}, ${bytes.length} bytes`,
        });
      }
      return bytes;
    } catch (error) {
      // The deadline covers the whole exchange, the answer's body included.
      if (signal.aborted) {
        throw new ConversionError(CONVERSION_MESSAGES.timedOut(Math.ceil(timeoutMs / 1000)), true, {
          cause: error,
        });
      }
      if (error instanceof ConversionError) throw error;
      throw new ConversionError(CONVERSION_MESSAGES.unreachable, false, { cause: error });
    }
  }
}
