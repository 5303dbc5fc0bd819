import { formatDateTimeVi, formatDateVi, todayInVietnam } from '@eiso/common';
import type { Color, PDFPage } from 'pdf-lib';
import type { ControlledCopyInput, Signer } from './controlled-copy.input';
import { copyStatusOf } from './copy-status';
import { drawOfficialClosing, drawOfficialHeader, type OfficialSigner } from './official-layout';
import { centeredIn, contentTop, PAGE_MARGIN, pageColumn } from './page-geometry';
import { PdfColors } from './pdf-colors';
import type { PdfFonts } from './pdf-fonts';
import { PdfMessages } from './pdf.messages';
import { drawLines, drawParagraph, type TextBlockStyle } from './text-block';

/**
 * The last page of a controlled copy in the official layout (Nghị định 30/2020/NĐ-CP): the
 * agency's heading dated the day of issue, the version, then who drafted, reviewed and approved
 * it as signature blocks (a deputy approving signs "KT." for the head) and who issued it.
 */
export function drawSignaturePage(page: PDFPage, fonts: PdfFonts, input: ControlledCopyInput): void {
  const content = pageColumn(page);
  const centered = (font: TextBlockStyle['font'], size: number, color?: Color): TextBlockStyle =>
    centeredIn(content, font, size, color);

  let y = drawOfficialHeader(
    page,
    fonts,
    { heading: input.heading, date: issueDate(input), title: PdfMessages.signaturePageTitle },
    content,
    contentTop(page),
  );
  y = drawParagraph(page, input.title, y - 8, centered(fonts.bold, 12), 6);
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

  const steps = PdfMessages.signatureSteps;
  const { drafted, reviewed, approved, issued } = input.signers;
  y = drawOfficialClosing(
    page,
    fonts,
    {
      signers: [
        signerBlock(steps.drafted, drafted, false),
        signerBlock(steps.reviewed, reviewed, false),
        // The approver signs for the head: a deputy's block reads "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC".
        signerBlock(steps.approved, approved, true),
      ],
    },
    content,
    y - 28,
  );

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

function signerBlock(step: string, signer: Signer | null, forHead: boolean): OfficialSigner {
  if (!signer) return { caption: step, position: null, name: PdfMessages.noSigner };
  return {
    caption: step,
    position: signer.position,
    forHead,
    name: signer.name,
    note: PdfMessages.signedAt(formatDateTimeVi(signer.signedAt)),
  };
}

/** The place-and-date line carries the day the version was issued (in Vietnam), else the effective date. */
function issueDate(input: ControlledCopyInput): string {
  return input.signers.issued ? todayInVietnam(input.signers.issued.signedAt) : input.effectiveFrom;
}
