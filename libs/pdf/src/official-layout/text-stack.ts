import type { PDFPage } from 'pdf-lib';
import { PdfColors } from '../pdf-colors';
import { drawLines, lineHeightOf, type TextBlockStyle } from '../text-block';

/** Lines in one style, centered or aligned in the style's column. */
export interface StackPart {
  lines: string[];
  style: TextBlockStyle;
  /** Space above the part. */
  gapBefore?: number;
  /**
   * A rule under the part, centered under its widest line, as long as this share of it
   * (Nghị định 30: ⅓–½ under the agency's name, the whole line under the motto).
   */
  rule?: number;
}

/** What a rule adds below its part: the gap, the line, the gap after it. */
const RULE_SPACE = 5;

/** A column of parts drawn top to bottom: an official heading's side, a signature block. */
export class TextStack {
  constructor(readonly parts: readonly StackPart[]) {}

  get height(): number {
    return this.parts.reduce(
      (sum, part) =>
        sum +
        (part.gapBefore ?? 0) +
        part.lines.length * lineHeightOf(part.style) +
        (part.rule ? RULE_SPACE : 0),
      0,
    );
  }

  /** Draws from `top` down; returns the bottom. */
  draw(page: PDFPage, top: number): number {
    let y = top;
    for (const part of this.parts) {
      y = drawLines(page, part.lines, y - (part.gapBefore ?? 0), part.style);
      if (part.rule) {
        const { style } = part;
        const widest = Math.max(...part.lines.map((line) => style.font.widthOfTextAtSize(line, style.size)));
        const length = widest * part.rule;
        const center = style.x + style.width / 2;
        page.drawLine({
          start: { x: center - length / 2, y: y - 1 },
          end: { x: center + length / 2, y: y - 1 },
          thickness: 0.6,
          color: PdfColors.text,
        });
        y -= RULE_SPACE;
      }
    }
    return y;
  }
}
