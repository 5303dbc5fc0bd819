import type { Color, PDFFont, PDFPage } from 'pdf-lib';
import { limitLines, wrapText } from './text-layout';

export type TextAlign = 'left' | 'center' | 'right';

/** Where and how a block of lines is drawn; `x`/`width` bound the column the lines align in. */
export interface TextBlockStyle {
  x: number;
  width: number;
  font: PDFFont;
  size: number;
  color: Color;
  align?: TextAlign;
  /** Defaults to 1.3 × size: room for Vietnamese letters that carry two marks (ể, ỗ). */
  lineHeight?: number;
}

export function lineHeightOf(style: Pick<TextBlockStyle, 'size' | 'lineHeight'>): number {
  return style.lineHeight ?? style.size * 1.3;
}

/** Draws lines downward from `top` (top of the first line box); returns the bottom of the last one. */
export function drawLines(page: PDFPage, lines: string[], top: number, style: TextBlockStyle): number {
  const lineHeight = lineHeightOf(style);
  let bottom = top;
  for (const line of lines) {
    bottom -= lineHeight;
    const width = style.font.widthOfTextAtSize(line, style.size);
    const x =
      style.align === 'center'
        ? style.x + (style.width - width) / 2
        : style.align === 'right'
          ? style.x + style.width - width
          : style.x;
    // Baseline a little above the middle so descenders and stacked tone marks both fit the box.
    const baseline = bottom + (lineHeight - style.size) / 2 + style.size * 0.22;
    page.drawText(line, { x, y: baseline, font: style.font, size: style.size, color: style.color });
  }
  return bottom;
}

/** Wraps `text` to the block width (at most `maxLines` lines) and draws it; returns the new bottom. */
export function drawParagraph(
  page: PDFPage,
  text: string,
  top: number,
  style: TextBlockStyle,
  maxLines = Number.POSITIVE_INFINITY,
): number {
  const lines = limitLines(
    wrapText(text, style.font, style.size, style.width),
    maxLines,
    style.font,
    style.size,
    style.width,
  );
  return drawLines(page, lines, top, style);
}
