import { embedPdfFonts } from '@eiso/pdf';
import { PDFDocument } from 'pdf-lib';
import { ReportPdfLayout } from './pdf-report.layout';
import type { ReportTable } from './report-table';
import { ReportsMessages } from './reports.messages';

/** Renders a register as an A4 landscape PDF with the Vietnamese font embedded. */
export async function renderPdf(table: ReportTable): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const fonts = await embedPdfFonts(doc);
  await new ReportPdfLayout(doc, fonts, table).render();
  doc.setTitle(table.title.normalize('NFC'), { showInWindowTitleBar: true });
  doc.setProducer(ReportsMessages.producer);
  doc.setCreator(ReportsMessages.producer);
  doc.setLanguage(ReportsMessages.language);
  doc.setCreationDate(table.generatedAt);
  doc.setModificationDate(table.generatedAt);
  return Buffer.from(await doc.save());
}
