import type { Color, PDFPage } from 'pdf-lib';
import { PdfColors } from './pdf-colors';
import type { TextBlockStyle } from './text-block';

/** Side and bottom margin of generated pages. */
export const PAGE_MARGIN = 56;
// Leaves the top control band (about 25 pt) clear.
const TOP = 72;

/** Where the content of a generated page starts, below the control band. */
export function contentTop(page: PDFPage): number {
  return page.getHeight() - TOP;
}

/** The text column of a generated page: the page width less the side margins. */
export interface PageColumn {
  x: number;
  width: number;
}

export function pageColumn(page: PDFPage): PageColumn {
  return { x: PAGE_MARGIN, width: page.getWidth() - 2 * PAGE_MARGIN };
}

/** A centered text style in the page's column. */
export function centeredIn(
  column: PageColumn,
  font: TextBlockStyle['font'],
  size: number,
  color: Color = PdfColors.text,
): TextBlockStyle {
  return { ...column, font, size, color, align: 'center' };
}
