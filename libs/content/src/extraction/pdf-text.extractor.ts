import { loadPdfJs, PDFJS_STANDARD_FONT_DATA_URL } from '@eiso/pdf';

export interface PdfText {
  pages: number;
  /** Page by page, pages separated by a blank line, NFC. */
  text: string;
}

/** Past this many pages the rest of a PDF is not read (a register of thousands of pages). */
const MAX_PAGES = 1_000;

/**
 * The text layer of a PDF in reading order of its content stream: what a user could select and
 * copy. Untrusted input: no code is generated from font data (the fix for CVE-2024-4367 in pdf.js
 * 3.x is `isEvalSupported: false`), no fonts are loaded from the system.
 */
export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  const { getDocument, VerbosityLevel } = loadPdfJs();
  const task = getDocument({
    // pdf.js takes ownership of (detaches) the buffer it parses: give it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: PDFJS_STANDARD_FONT_DATA_URL,
    verbosity: VerbosityLevel.ERRORS,
  });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    const last = Math.min(doc.numPages, MAX_PAGES);
    for (let number = 1; number <= last; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      let line = '';
      const lines: string[] = [];
      // Where the previous piece ended: a piece further right on the same baseline is the same
      // word when the gap is narrower than a space (PDF writers split words for kerning).
      let previous: { endX: number; y: number; size: number } | null = null;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, , , x, y] = item.transform as number[];
        const size = Math.hypot(a, b) || 1;
        if (previous && line) {
          const sameLine = Math.abs(y - previous.y) < previous.size * 0.5;
          if (!sameLine) {
            lines.push(line);
            line = '';
          } else if (x - previous.endX > size * 0.15 && !/\s$/.test(line) && !/^\s/.test(item.str)) {
            line += ' ';
          }
        }
        line += item.str;
        previous = { endX: x + item.width, y, size };
        if (item.hasEOL) {
          lines.push(line);
          line = '';
          previous = null;
        }
      }
      if (line) lines.push(line);
      pages.push(lines.map((l) => l.replace(/[ \t]+/g, ' ').trim()).join('\n'));
      page.cleanup();
    }
    return { pages: doc.numPages, text: pages.join('\n\n').normalize('NFC') };
  } finally {
    await task.destroy();
  }
}
