import { Workbook } from 'exceljs';

/** The cells of every sheet of an .xlsx: a line per row, cells separated by tabs, the sheet's name first. */
export async function extractXlsxText(bytes: Buffer): Promise<string> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: string[] = [];
  workbook.eachSheet((sheet) => {
    const lines: string[] = [sheet.name];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => {
        const text = cell.text?.trim();
        if (text) cells.push(text);
      });
      if (cells.length) lines.push(cells.join('\t'));
    });
    sheets.push(lines.join('\n'));
  });
  return sheets.join('\n\n').normalize('NFC');
}
