import { readFile } from 'node:fs/promises';
import * as fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { woffToSfnt } from './woff-font';

// DejaVu Sans covers every Vietnamese letter with its tone marks; the standard 14 PDF fonts do not.
const REGULAR_FONT = '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff';
const BOLD_FONT = '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff';
// The place-and-date line and "Nơi nhận:" of the official layout (Nghị định 30/2020/NĐ-CP) are italic.
const ITALIC_FONT = '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-italic.woff';
const BOLD_ITALIC_FONT = '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-italic.woff';

/** The fonts embedded in one PDF document. */
export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  boldItalic: PDFFont;
}

type FontFiles = Record<keyof PdfFonts, Uint8Array>;

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
  const [regular, bold, italic, boldItalic] = await Promise.all(
    [REGULAR_FONT, BOLD_FONT, ITALIC_FONT, BOLD_ITALIC_FONT].map((file) => readFile(require.resolve(file))),
  );
  return {
    regular: woffToSfnt(regular),
    bold: woffToSfnt(bold),
    italic: woffToSfnt(italic),
    boldItalic: woffToSfnt(boldItalic),
  };
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
  const embed = (file: Uint8Array) => doc.embedFont(file, { subset: true, features: positioningOff() });
  const [regular, bold, italic, boldItalic] = await Promise.all([
    embed(files.regular),
    embed(files.bold),
    embed(files.italic),
    embed(files.boldItalic),
  ]);
  return { regular, bold, italic, boldItalic };
}
