import { formatDateTimeVi, formatDateVi } from '@eiso/common';
import type { Color, PDFPage } from 'pdf-lib';
import type { ControlledCopyInput, Signer } from './controlled-copy.input';
import { copyStatusOf } from './copy-status';
import { PdfColors } from './pdf-colors';
import type { PdfFonts } from './pdf-fonts';
import { centeredIn, drawAgencyHeading, PAGE_MARGIN, pageColumn } from './page-heading';
import { PdfMessages } from './pdf.messages';
import { drawLines, drawParagraph, lineHeightOf, type TextBlockStyle } from './text-block';
import { wrapText } from './text-layout';

const CELL_PADDING = 8;
const PART_GAP = 4;

/** The last page of a controlled copy: who drafted, reviewed, approved and issued the version. */
export function drawSignaturePage(page: PDFPage, fonts: PdfFonts, input: ControlledCopyInput): void {
  const content = pageColumn(page);
  const centered = (font: TextBlockStyle['font'], size: number, color?: Color): TextBlockStyle =>
    centeredIn(content, font, size, color);

  let y = drawAgencyHeading(page, input.agencyName, { font: fonts.bold, size: 11, ruleHalfWidth: 60 });

  y = drawLines(page, [PdfMessages.signaturePageTitle], y - 28, centered(fonts.bold, 16));
  y = drawParagraph(page, input.title, y - 10, centered(fonts.bold, 12), 6);
  y = drawParagraph(page, PdfMessages.documentType(input.typeLabel), y - 6, centered(fonts.regular, 10));
  const details = [
    PdfMessages.code(input.code),
    PdfMessages.issueNumber(input.issueNumber),
    PdfMessages.effectiveFrom(formatDateVi(input.effectiveFrom)),
  ].join('   |   ');
  y = drawParagraph(page, details, y - 2, centered(fonts.regular, 10));
  const { stateLine } = copyStatusOf(input);
  if (stateLine) {
    y = drawLines(page, [stateLine], y - 6, centered(fonts.bold, 10, PdfColors.stamp));
  }
  if (input.stateNote) {
    y = drawParagraph(page, PdfMessages.stateNote(input.stateNote), y, centered(fonts.regular, 10), 4);
  }

  y = drawSignatureTable(page, fonts, input, content, y - 24);

  const { issued } = input.signers;
  if (issued) {
    const line = PdfMessages.issuedBy(issued.name, issued.position, formatDateTimeVi(issued.signedAt));
    drawParagraph(page, line, y - 18, { ...content, font: fonts.regular, size: 10, color: PdfColors.text });
  }

  drawLines(
    page,
    [PdfMessages.generatedAt(formatDateTimeVi(input.generatedAt))],
    PAGE_MARGIN,
    centered(fonts.regular, 8, PdfColors.muted),
  );
}

/** Three equal columns: the step name as header, the signer's name, position and time below. */
function drawSignatureTable(
  page: PDFPage,
  fonts: PdfFonts,
  input: ControlledCopyInput,
  content: { x: number; width: number },
  top: number,
): number {
  const steps = PdfMessages.signatureSteps;
  const columns: { header: string; signer: Signer | null }[] = [
    { header: steps.drafted, signer: input.signers.drafted },
    { header: steps.reviewed, signer: input.signers.reviewed },
    { header: steps.approved, signer: input.signers.approved },
  ];
  const columnWidth = content.width / columns.length;
  const textWidth = columnWidth - 2 * CELL_PADDING;
  const name: TextBlockStyle = {
    x: 0,
    width: textWidth,
    font: fonts.bold,
    size: 10.5,
    color: PdfColors.text,
    align: 'center',
  };
  const detail: TextBlockStyle = { ...name, font: fonts.regular, size: 9.5 };

  const block = (style: TextBlockStyle, text: string) => ({
    style,
    lines: wrapText(text, style.font, style.size, textWidth),
  });
  const cells = columns.map(({ signer }) => {
    if (!signer) return [block(detail, PdfMessages.noSigner)];
    return [
      block(name, signer.name),
      ...(signer.position ? [block(detail, PdfMessages.signerPosition(signer.position))] : []),
      block(detail, PdfMessages.signedAt(formatDateTimeVi(signer.signedAt))),
    ];
  });
  const cellHeight = (parts: { style: TextBlockStyle; lines: string[] }[]): number =>
    parts.reduce((sum, part) => sum + part.lines.length * lineHeightOf(part.style), 0) +
    (parts.length - 1) * PART_GAP;
  const headerHeight = 24;
  const bodyHeight = Math.max(70, ...cells.map(cellHeight)) + 2 * CELL_PADDING;

  columns.forEach((column, index) => {
    const x = content.x + index * columnWidth;
    page.drawRectangle({
      x,
      y: top - headerHeight,
      width: columnWidth,
      height: headerHeight,
      color: PdfColors.headerFill,
      borderColor: PdfColors.text,
      borderWidth: 0.8,
    });
    drawLines(page, [column.header], top - (headerHeight - 11 * 1.3) / 2, {
      x,
      width: columnWidth,
      font: fonts.bold,
      size: 11,
      color: PdfColors.text,
      align: 'center',
    });
    page.drawRectangle({
      x,
      y: top - headerHeight - bodyHeight,
      width: columnWidth,
      height: bodyHeight,
      borderColor: PdfColors.text,
      borderWidth: 0.8,
    });
    // Vertically centred, so a column with a long position does not leave the others top-heavy.
    let y =
      top - headerHeight - CELL_PADDING - (bodyHeight - 2 * CELL_PADDING - cellHeight(cells[index])) / 2;
    for (const part of cells[index]) {
      y = drawLines(page, part.lines, y, { ...part.style, x: x + CELL_PADDING }) - PART_GAP;
    }
  });
  return top - headerHeight - bodyHeight;
}
