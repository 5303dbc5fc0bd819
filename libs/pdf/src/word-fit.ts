import type { PDFFont } from 'pdf-lib';
import { toPdfText, widthOf, wrapText } from './text-layout';

/** Lines wrapped at spaces only, and the size they are drawn at. */
export interface FittedText {
  size: number;
  lines: string[];
}

/** How far a reference number or a code may shrink before it is cut after all. */
export const MIN_FIT_RATIO = 0.6;

/**
 * Wraps `text` at spaces only: reference numbers and codes ("Số: 123/QĐ-UBND", "QT-HT-01") must
 * not break mid-token. When the widest word is wider than the line, the whole text shrinks until
 * it fits, down to `minSize`; only a word still too wide there is cut (a hash, a file name).
 */
export function fitWords(
  text: string,
  font: PDFFont,
  size: number,
  maxWidth: number,
  minSize = size * MIN_FIT_RATIO,
): FittedText {
  const widest = Math.max(
    0,
    ...toPdfText(text.replace(/\s+/g, ' '))
      .split(' ')
      .map((word) => widthOf(word, font, size)),
  );
  const fitted = widest > maxWidth ? Math.max(minSize, (size * maxWidth) / widest) : size;
  return { size: fitted, lines: wrapText(text, font, fitted, maxWidth) };
}

/** One line that must stay whole (a number line, a place and date): shrunk to the width if needed. */
export function fitLine(
  text: string,
  font: PDFFont,
  size: number,
  maxWidth: number,
  minSize = size * MIN_FIT_RATIO,
): FittedText {
  const line = toPdfText(text);
  const width = font.widthOfTextAtSize(line, size);
  if (width <= maxWidth) return { size, lines: [line] };
  const fitted = (size * maxWidth) / width;
  return fitted >= minSize
    ? { size: fitted, lines: [line] }
    : fitWords(line, font, minSize, maxWidth, minSize);
}
