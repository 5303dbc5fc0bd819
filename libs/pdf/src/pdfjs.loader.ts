import { dirname, join } from 'node:path';

export type PdfJs = typeof import('pdfjs-dist');

let pdfjs: PdfJs | undefined;

/**
 * pdf.js (Mozilla, `pdfjs-dist` 3.x, its CommonJS Node build), loaded once. It parses without a
 * worker thread (the "fake worker" in the same process) and needs no `canvas` to read text: its
 * warnings that rendering polyfills are missing are left out of the output.
 */
export function loadPdfJs(): PdfJs {
  if (pdfjs) return pdfjs;
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Warning: Cannot polyfill')) return;
    log(...args);
  };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as PdfJs;
  } finally {
    console.log = log;
  }
  return pdfjs;
}

/** Where pdf.js finds the metrics of the 14 standard fonts a PDF may use without embedding them. */
export const PDFJS_STANDARD_FONT_DATA_URL = `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
