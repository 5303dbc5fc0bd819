import type { Color, PDFPage } from 'pdf-lib';
import { PdfColors } from './pdf-colors';
import { drawParagraph, type TextBlockStyle } from './text-block';

/** Side and bottom margin of generated pages. */
export const PAGE_MARGIN = 56;
// Leaves the top control band (about 25 pt) clear.
const TOP = 72;

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

/**
 * The agency's name centered at the top of a generated page, underlined by a short rule, as the
 * heading of Vietnamese administrative documents has it. Returns the y below the rule.
 */
export function drawAgencyHeading(
  page: PDFPage,
  agencyName: string,
  style: { font: TextBlockStyle['font']; size: number; ruleHalfWidth: number },
): number {
  const { width, height } = page.getSize();
  const y = drawParagraph(
    page,
    agencyName,
    height - TOP,
    centeredIn(pageColumn(page), style.font, style.size),
    3,
  );
  page.drawLine({
    start: { x: width / 2 - style.ruleHalfWidth, y: y - 4 },
    end: { x: width / 2 + style.ruleHalfWidth, y: y - 4 },
    thickness: 0.6,
    color: PdfColors.text,
  });
  return y;
}
