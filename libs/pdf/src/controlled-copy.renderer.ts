import { formatDateVi } from '@eiso/common';
import { PageSizes, PDFDocument } from 'pdf-lib';
import type { ControlledCopyInput } from './controlled-copy.input';
import { copyStatusOf } from './copy-status';
import { drawCoverPage } from './cover-page.renderer';
import { stampPage, type PageStamp } from './page-stamp.renderer';
import { embedPdfFonts, type PdfFonts } from './pdf-fonts';
import { PdfSourceError } from './pdf-source.error';
import { loadSourcePdf } from './pdf-source.loader';
import { PdfMessages } from './pdf.messages';
import { drawSignaturePage } from './signature-page.renderer';
import { toPdfText } from './text-layout';

/**
 * Renders the controlled copy (bản có kiểm soát) of a document version: the primary PDF with every
 * page stamped; a Word file's PDF rendition after a cover page naming the original, every page
 * stamped; or only the cover page when there is no rendition; then a signature page.
 * Throws PdfSourceError when the PDF cannot be read or is encrypted.
 */
export async function renderControlledCopy(input: ControlledCopyInput): Promise<Buffer> {
  const source = input.source;
  const doc = source.kind === 'cover' ? await PDFDocument.create() : await loadSourcePdf(source.bytes);
  const fonts = await embedPdfFonts(doc);
  if (source.kind === 'rendition') {
    drawCoverPage(doc.insertPage(0, PageSizes.A4), fonts, input, source);
  }
  if (source.kind !== 'cover') {
    try {
      return await assemble(doc, fonts, input);
    } catch (error) {
      // Past loading, what still fails is a malformed object in the source (a broken page tree,
      // a bad content stream); the cause stays attached for the logs.
      if (error instanceof PdfSourceError) throw error;
      throw new PdfSourceError('unreadable', { cause: error });
    }
  }
  drawCoverPage(doc.addPage(PageSizes.A4), fonts, input, source);
  doc.setCreationDate(input.generatedAt);
  return assemble(doc, fonts, input);
}

async function assemble(doc: PDFDocument, fonts: PdfFonts, input: ControlledCopyInput): Promise<Buffer> {
  drawSignaturePage(doc.addPage(PageSizes.A4), fonts, input);

  const status = copyStatusOf(input);
  const details = [
    PdfMessages.code(input.code),
    PdfMessages.issueNumber(input.issueNumber),
    PdfMessages.effectiveFrom(formatDateVi(input.effectiveFrom)),
  ].join('   ·   ');
  const pages = doc.getPages();
  pages.forEach((page, index) => {
    const stamp: PageStamp = {
      status: status.label,
      details,
      pageLabel: PdfMessages.page(index + 1, pages.length),
      watermark: status.watermark,
    };
    stampPage(page, fonts, stamp);
  });

  doc.setTitle(toPdfText(`${input.code} — ${input.title}`), { showInWindowTitleBar: true });
  doc.setProducer(PdfMessages.producer);
  doc.setCreator(PdfMessages.producer);
  doc.setLanguage(PdfMessages.language);
  doc.setModificationDate(input.generatedAt);
  return Buffer.from(await doc.save());
}
