import { Workbook } from 'exceljs';
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A run in Times New Roman, the font of Vietnamese administrative documents (Decree 30/2020). */
function paragraph(text: string): string {
  return (
    '<w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>' +
    `<w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`
  );
}

function table(rows: string[][]): string {
  const columns = Math.max(...rows.map((row) => row.length));
  const width = Math.floor(9000 / columns);
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const cells = (row: string[]) =>
    Array.from(
      { length: columns },
      (_, i) =>
        `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paragraph(row[i] ?? '')}</w:tc>`,
    ).join('');
  return (
    '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>' +
    ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('') +
    '</w:tblBorders></w:tblPr>' +
    `<w:tblGrid>${`<w:gridCol w:w="${width}"/>`.repeat(columns)}</w:tblGrid>` +
    rows.map((row) => `<w:tr>${cells(row)}</w:tr>`).join('') +
    '</w:tbl>'
  );
}

/**
 * Test helper: a real Word document (.docx) made of the minimal WordprocessingML parts, with the
 * given paragraphs and, after them, a bordered table (rows of cells) when given. A4 portrait.
 */
export async function buildDocx(paragraphs: string[], rows?: string[][]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  const body =
    paragraphs.map(paragraph).join('') +
    (rows && rows.length > 0 ? table(rows) + paragraph('') : '') +
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>' +
    '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/>' +
    '</w:sectPr>';
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Test helper: an Excel workbook (.xlsx) with one sheet of the given rows (the first in bold). */
export async function buildXlsx(rows: (string | number)[][], sheetName = 'Trang tính 1'): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  // Wide enough for its longest cell, so no text is cut and the sheet fits an A4 page's width.
  sheet.columns.forEach((column, i) => {
    column.width = Math.max(8, ...rows.map((row) => String(row[i] ?? '').length + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
