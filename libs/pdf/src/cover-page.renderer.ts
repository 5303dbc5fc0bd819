import { formatDateTimeVi, formatDateVi, todayInVietnam } from '@eiso/common';
import type { Color, PDFPage } from 'pdf-lib';
import type { ControlledCopyInput, ControlledCopySource } from './controlled-copy.input';
import { copyStatusOf } from './copy-status';
import { PdfColors } from './pdf-colors';
import type { PdfFonts } from './pdf-fonts';
import { drawOfficialHeader } from './official-layout';
import { centeredIn, contentTop, PAGE_MARGIN, pageColumn } from './page-geometry';
import { PdfMessages } from './pdf.messages';
import { drawLines, drawParagraph, lineHeightOf, type TextBlockStyle } from './text-block';
import { toPdfText, wrapText } from './text-layout';

const BOX_PADDING = 12;

type CoverSource = Extract<ControlledCopySource, { kind: 'cover' | 'rendition' }>;

/**
 * The first page of the controlled copy of a Word (ODF, Excel) file: the control marks and the
 * original file with its SHA-256, so a reader can check the file they were given; then either the
 * rendition's SHA-256 (its pages follow) or why there is none (the content is only in the original).
 */
export function drawCoverPage(
  page: PDFPage,
  fonts: PdfFonts,
  input: ControlledCopyInput,
  source: CoverSource,
): void {
  const content = pageColumn(page);
  const centered = (font: TextBlockStyle['font'], size: number, color?: Color): TextBlockStyle =>
    centeredIn(content, font, size, color);

  // The official heading; the document's type is its title, as on the first page of the original.
  let y = drawOfficialHeader(
    page,
    fonts,
    {
      heading: input.heading,
      date: input.signers.issued ? todayInVietnam(input.signers.issued.signedAt) : input.effectiveFrom,
      title: toPdfText(input.typeLabel),
    },
    content,
    contentTop(page),
  );
  y = drawParagraph(page, input.title, y - 40, centered(fonts.bold, 16), 6);
  y = drawLines(
    page,
    [
      PdfMessages.code(input.code),
      PdfMessages.issueNumber(input.issueNumber),
      PdfMessages.effectiveFrom(formatDateVi(input.effectiveFrom)),
    ].map(toPdfText),
    y - 24,
    centered(fonts.regular, 12),
  );

  y = drawStatusBox(page, fonts, copyStatusOf(input).label, y - 36);
  if (input.stateNote) {
    y = drawParagraph(page, PdfMessages.stateNote(input.stateNote), y - 8, centered(fonts.regular, 10), 4);
  }

  drawFileBox(page, fonts, source, content, y - 40);

  drawLines(
    page,
    [PdfMessages.generatedAt(formatDateTimeVi(input.generatedAt))],
    PAGE_MARGIN,
    centered(fonts.regular, 8, PdfColors.muted),
  );
}

function drawStatusBox(page: PDFPage, fonts: PdfFonts, status: string, top: number): number {
  const size = 18;
  const boxWidth = fonts.bold.widthOfTextAtSize(status, size) + 2 * 20;
  const boxHeight = size * 2.2;
  const x = (page.getWidth() - boxWidth) / 2;
  page.drawRectangle({
    x,
    y: top - boxHeight,
    width: boxWidth,
    height: boxHeight,
    borderColor: PdfColors.stamp,
    borderWidth: 2,
  });
  drawLines(page, [status], top - (boxHeight - size * 1.3) / 2, {
    x,
    width: boxWidth,
    font: fonts.bold,
    size,
    color: PdfColors.stamp,
    align: 'center',
  });
  return top - boxHeight;
}

function drawFileBox(
  page: PDFPage,
  fonts: PdfFonts,
  source: CoverSource,
  content: { x: number; width: number },
  top: number,
): void {
  const style: TextBlockStyle = {
    x: content.x + BOX_PADDING,
    width: content.width - 2 * BOX_PADDING,
    font: fonts.regular,
    size: 10,
    color: PdfColors.text,
  };
  const hint: TextBlockStyle = { ...style, size: 8.5, color: PdfColors.muted };
  const rendition = source.kind === 'rendition' ? source : null;
  const note = source.kind === 'cover' ? source.note : undefined;
  const blocks = [
    {
      style: { ...style, font: fonts.bold },
      text: rendition
        ? PdfMessages.renditionContent(source.fileName)
        : PdfMessages.coverContent(source.fileName),
    },
    { style, text: PdfMessages.coverMediaType(source.mediaTypeLabel) },
    { style, text: PdfMessages.coverSha256(source.sha256) },
    ...(rendition ? [{ style, text: PdfMessages.renditionSha256(rendition.renditionSha256) }] : []),
    ...(note ? [{ style, text: PdfMessages.coverNote(note) }] : []),
    { style: hint, text: rendition ? PdfMessages.renditionHint : PdfMessages.coverSha256Hint },
  ].map((block) => ({
    ...block,
    lines: wrapText(block.text, block.style.font, block.style.size, block.style.width),
  }));
  const gap = 4;
  const textHeight =
    blocks.reduce((sum, block) => sum + block.lines.length * lineHeightOf(block.style), 0) +
    gap * (blocks.length - 1);

  page.drawRectangle({
    x: content.x,
    y: top - textHeight - 2 * BOX_PADDING,
    width: content.width,
    height: textHeight + 2 * BOX_PADDING,
    borderColor: PdfColors.rule,
    borderWidth: 0.8,
  });
  let y = top - BOX_PADDING;
  for (const block of blocks) y = drawLines(page, block.lines, y, block.style) - gap;
}
