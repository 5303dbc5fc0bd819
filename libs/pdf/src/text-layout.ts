import type { PDFFont } from 'pdf-lib';

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;
// pdf-lib would draw control characters as missing glyphs; tabs and the like read as spaces.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
const ELLIPSIS = '…';

// Measuring runs fontkit's shaping each time (~0.15 ms a word); registers repeat the same words on
// every row. Widths scale linearly with size, so one width per word and font is enough. Keyed by
// the font object, the cache lives exactly as long as the document being drawn.
const wordWidths = new WeakMap<PDFFont, Map<string, number>>();

/** The width of one word, measured once per font and word. */
export function widthOf(word: string, font: PDFFont, size: number): number {
  let widths = wordWidths.get(font);
  if (!widths) {
    widths = new Map();
    wordWidths.set(font, widths);
  }
  let width = widths.get(word);
  if (width === undefined) {
    width = font.widthOfTextAtSize(word, 1);
    widths.set(word, width);
  }
  return width * size;
}

/**
 * Prepares text for a single PDF line: NFC so that each Vietnamese letter is one precomposed glyph
 * (which `pdftotext` and screen readers return intact), control characters turned into spaces.
 */
export function toPdfText(text: string): string {
  return text.normalize('NFC').replace(CONTROL_CHARACTERS, ' ').replace(/ {2,}/g, ' ').trim();
}

// Where a code or a number may be cut when nothing else helps: after one of its separators.
const SEPARATOR = /[-/._]/;

/**
 * Cuts a word that is wider than the line (a file name, a hash, a code too long even shrunk) into
 * pieces that fit, each ending after a separator ("QT-HT-" | "01") where the piece has one.
 */
function breakWord(word: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && font.widthOfTextAtSize(piece + char, size) > maxWidth) {
      const chars = Array.from(piece);
      let cut = chars.length;
      while (cut > 1 && !SEPARATOR.test(chars[cut - 1])) cut--;
      if (cut <= 1) cut = chars.length;
      pieces.push(chars.slice(0, cut).join(''));
      piece = chars.slice(cut).join('') + char;
    } else {
      piece += char;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * Greedy word wrap into lines no wider than `maxWidth`. Line breaks in the text are kept;
 * an empty paragraph gives an empty line so the spacing the author meant survives.
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const spaceWidth = widthOf(' ', font, size);
  const lines: string[] = [];
  for (const paragraph of text.normalize('NFC').split(LINE_BREAK)) {
    let line = '';
    let lineWidth = 0;
    for (const word of toPdfText(paragraph).split(' ').filter(Boolean)) {
      const wordWidth = widthOf(word, font, size);
      if (line && lineWidth + spaceWidth + wordWidth <= maxWidth) {
        line += ` ${word}`;
        lineWidth += spaceWidth + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      if (wordWidth <= maxWidth) {
        line = word;
        lineWidth = wordWidth;
        continue;
      }
      const pieces = breakWord(word, font, size, maxWidth);
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1];
      lineWidth = font.widthOfTextAtSize(line, size);
    }
    lines.push(line);
  }
  return lines;
}

/** Keeps at most `maxLines` lines, ending the last kept one with "…" when text was dropped. */
export function limitLines(
  lines: string[],
  maxLines: number,
  font: PDFFont,
  size: number,
  maxWidth: number,
): string[] {
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last && font.widthOfTextAtSize(last + ELLIPSIS, size) > maxWidth) {
    last = Array.from(last).slice(0, -1).join('');
  }
  kept[maxLines - 1] = last.trimEnd() + ELLIPSIS;
  return kept;
}
