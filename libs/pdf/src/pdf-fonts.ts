import { readFile } from 'node:fs/promises';
import * as fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { woffToSfnt } from './woff-font';

// DejaVu Sans covers every Vietnamese letter with its tone marks; the standard 14 PDF fonts do not.
const REGULAR_FONT = '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff';
const BOLD_FONT = '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff';

/** The fonts embedded in one PDF document. */
export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
}

interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

let fontFiles: Promise<FontFiles> | undefined;

/**
 * pdf-lib draws glyphs with their plain advance widths and ignores GPOS positions, so shaping
 * kerning and mark placement only costs time (about a third of each draw) for nothing. A fresh
 * object each time because fontkit writes its defaults into the one it is given.
 */
function positioningOff(): Record<string, boolean> {
  return { kern: false, mark: false, mkmk: false, curs: false };
}

async function readFontFiles(): Promise<FontFiles> {
  const [regular, bold] = await Promise.all([
    readFile(require.resolve(REGULAR_FONT)),
    readFile(require.resolve(BOLD_FONT)),
  ]);
  return { regular: woffToSfnt(regular), bold: woffToSfnt(bold) };
}

/** Reads the font files once per process; a failed read is retried by the next caller. */
function loadFontFiles(): Promise<FontFiles> {
  if (!fontFiles) {
    fontFiles = readFontFiles();
    fontFiles.catch(() => (fontFiles = undefined));
  }
  return fontFiles;
}

/**
 * Embeds the Vietnamese-capable fonts into `doc`. Subsetting keeps only the glyphs drawn, so a
 * stamp adds kilobytes, not the whole font.
 */
export async function embedPdfFonts(doc: PDFDocument): Promise<PdfFonts> {
  const files = await loadFontFiles();
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(files.regular, { subset: true, features: positioningOff() }),
    doc.embedFont(files.bold, { subset: true, features: positioningOff() }),
  ]);
  return { regular, bold };
}
