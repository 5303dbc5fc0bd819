import { formatDateTimeVi } from '@eiso/common';
import { FlowingDocument, PdfColors, type OfficialHeading } from '@eiso/pdf';
import {
  annexLines,
  articleLines,
  authorityLine,
  DECLARATION_TEXT,
  DeclarationBody,
  legalBasisLines,
} from './declaration-text';

export interface DeclarationPdfInput {
  heading: OfficialHeading;
  /** The number's serial; null on a draft (no number yet). */
  serial: number | null;
  /** "03/QĐ-STP", for the annex; null on a draft. */
  number: string | null;
  /** The decision's date (Vietnam): the day of signing, or today on a draft. */
  date: string;
  body: DeclarationBody;
  signer: { name: string; position: string | null; signedAt: Date | null; contentHash: string | null };
  draft: boolean;
  generatedAt: Date;
}

/**
 * Quyết định công bố (lại) HTQLCL phù hợp TCVN ISO 9001:2015 in the official layout of Nghị định
 * 30/2020: heading, "Số: 03/QĐ-STP", place and date, title and trích yếu, the authority, "Căn cứ"
 * lines, "QUYẾT ĐỊNH:", Điều 1–3, the head's signature with "Nơi nhận:", then the annex listing the
 * scope on a page of its own.
 */
export async function renderDeclaration(input: DeclarationPdfInput): Promise<Buffer> {
  const pdf = await FlowingDocument.create();
  const { body } = input;
  pdf.header({
    heading: input.heading,
    number:
      input.serial === null ? undefined : { serial: input.serial, symbol: DECLARATION_TEXT.numberSymbol },
    date: input.date,
    title: DECLARATION_TEXT.title,
    subtitle: [...(input.draft ? [DECLARATION_TEXT.draft] : []), DECLARATION_TEXT.subject(body.kind)],
  });
  pdf.paragraph(authorityLine(body), { font: 'bold', align: 'center', gapBefore: 12 });
  for (const line of legalBasisLines(body.legalBases)) pdf.paragraph(line, { font: 'italic', gapBefore: 6 });
  pdf.paragraph('Xét đề nghị của Thư ký ISO,', { font: 'italic', gapBefore: 6 });
  pdf.paragraph(DECLARATION_TEXT.decides, { font: 'bold', align: 'center', gapBefore: 12 });
  for (const article of articleLines(body)) pdf.paragraph(article, { gapBefore: 8 });
  pdf.closing({
    signers: [
      {
        position: input.signer.position,
        name: input.signer.name,
        note: input.signer.signedAt
          ? DECLARATION_TEXT.signedAt(formatDateTimeVi(input.signer.signedAt))
          : DECLARATION_TEXT.notSigned,
      },
    ],
    recipients: DECLARATION_TEXT.recipients,
  });
  if (input.signer.contentHash) {
    pdf.paragraph(DECLARATION_TEXT.contentHash(input.signer.contentHash), {
      size: 8,
      color: PdfColors.muted,
      gapBefore: 14,
    });
  }

  pdf.newPage();
  pdf.paragraph(DECLARATION_TEXT.annexTitle, { font: 'bold', size: 13, align: 'center', gapBefore: 0 });
  pdf.paragraph(DECLARATION_TEXT.annexSubtitle, { font: 'bold', align: 'center' });
  pdf.paragraph(DECLARATION_TEXT.annexOf(input.number, input.draft ? null : input.date, body.agencyName), {
    font: 'italic',
    size: 10,
    align: 'center',
  });
  pdf.paragraph(DECLARATION_TEXT.annexColumns, { font: 'bold', size: 10, gapBefore: 14 });
  for (const line of annexLines(body)) pdf.paragraph(line, { size: 10, indent: 8, gapBefore: 4 });

  return pdf.save({
    title: `${DECLARATION_TEXT.title} ${input.number ?? ''}`.trim(),
    footer: DECLARATION_TEXT.generatedAt(formatDateTimeVi(input.generatedAt)),
    createdAt: input.generatedAt,
    page: DECLARATION_TEXT.page,
  });
}
