import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PdfTextOptions {
  /** Keep the physical layout (`pdftotext -layout`). */
  layout?: boolean;
  /** Content-stream order (`pdftotext -raw`): rotated text comes out letter by letter, in order. */
  raw?: boolean;
  firstPage?: number;
  lastPage?: number;
}

/**
 * Test helper: the text `pdftotext` (poppler-utils) reads from a PDF, i.e. what a user can search
 * and copy. Fails loudly when pdftotext is missing, so PDF tests never pass by skipping.
 */
export function extractPdfText(pdf: Uint8Array, options: PdfTextOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'eiso-pdftotext-'));
  const file = join(dir, 'input.pdf');
  const args = ['-enc', 'UTF-8'];
  if (options.layout) args.push('-layout');
  if (options.raw) args.push('-raw');
  if (options.firstPage) args.push('-f', String(options.firstPage));
  if (options.lastPage) args.push('-l', String(options.lastPage));
  try {
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'pdftotext was not found: install poppler-utils (apt-get install poppler-utils) to run PDF tests',
      );
    }
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
