import { formatDateTimeVi } from '@eiso/common';
import { Workbook, type Alignment, type Borders, type Worksheet } from 'exceljs';
import { cellDate, cellText } from './report-cell';
import type { ReportCellValue, ReportColumn, ReportTable } from './report-table';
import { ReportsMessages } from './reports.messages';
import { toSheetName } from './sheet-name';

// The relative widths share about this many characters: what fits an A4 landscape page.
const TOTAL_WIDTH_CHARS = 150;
const MIN_COLUMN_WIDTH_CHARS = 5;
// Excel's limit for the text of one cell.
const MAX_CELL_LENGTH = 32767;
/** How every date is shown in Vietnam (DESIGN §12), applied to cells that hold real dates. */
export const XLSX_DATE_FORMAT = 'dd/mm/yyyy';

const THIN_BORDER: Partial<Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function excelValue(column: ReportColumn, value: ReportCellValue | undefined): Date | string | number | null {
  // Dates stay dates and numbers stay numbers, so that users can sort, filter and sum them in Excel.
  if (column.type === 'date') {
    const date = cellDate(value ?? null);
    if (date) return date;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = cellText(value ?? null);
  return text ? text.slice(0, MAX_CELL_LENGTH) : null;
}

/** A line of text spanning every column (agency name, title, subtitle, note). */
function addBannerRow(
  sheet: Worksheet,
  columnCount: number,
  text: string,
  font: { bold?: boolean; italic?: boolean; size?: number },
  horizontal: Alignment['horizontal'],
): void {
  const row = sheet.addRow([cellText(text)]);
  if (columnCount > 1) sheet.mergeCells(row.number, 1, row.number, columnCount);
  const cell = row.getCell(1);
  cell.font = { name: 'Times New Roman', size: 12, ...font };
  cell.alignment = { horizontal, vertical: 'middle', wrapText: true };
}

/** Renders a register as an XLSX workbook of one sheet, laid out to print on A4 landscape. */
export async function renderXlsx(table: ReportTable): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = ReportsMessages.producer;
  workbook.title = cellText(table.title);
  workbook.created = table.generatedAt;
  workbook.modified = table.generatedAt;

  const columnCount = Math.max(table.columns.length, 1);
  const sheet = workbook.addWorksheet(toSheetName(table.title));
  const totalWidth = table.columns.reduce((sum, column) => sum + Math.max(column.width, 0), 0) || 1;
  sheet.columns = table.columns.map((column) => ({
    key: column.key,
    width: Math.max(
      MIN_COLUMN_WIDTH_CHARS,
      Math.round((Math.max(column.width, 0) / totalWidth) * TOTAL_WIDTH_CHARS),
    ),
  }));

  addBannerRow(sheet, columnCount, table.heading.agencyName, { bold: true }, 'left');
  addBannerRow(sheet, columnCount, table.title, { bold: true, size: 14 }, 'center');
  for (const line of table.subtitle ?? []) addBannerRow(sheet, columnCount, line, { italic: true }, 'center');
  const generatedAt = ReportsMessages.generatedAt(formatDateTimeVi(table.generatedAt));
  addBannerRow(sheet, columnCount, generatedAt, { italic: true, size: 11 }, 'center');
  sheet.addRow([]);

  const header = sheet.addRow(table.columns.map((column) => cellText(column.header)));
  header.eachCell((cell) => {
    cell.font = { name: 'Times New Roman', size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN_BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });

  for (const source of table.rows) {
    const row = sheet.addRow(table.columns.map((column) => excelValue(column, source[column.key])));
    table.columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      if (cell.value instanceof Date) cell.numFmt = XLSX_DATE_FORMAT;
      cell.font = { name: 'Times New Roman', size: 12 };
      cell.alignment = { horizontal: column.align ?? 'left', vertical: 'top', wrapText: true };
      cell.border = THIN_BORDER;
    });
  }
  if (table.rows.length === 0)
    addBannerRow(sheet, columnCount, ReportsMessages.noRows, { italic: true }, 'center');
  if (table.footnote) {
    sheet.addRow([]);
    addBannerRow(sheet, columnCount, table.footnote, { italic: true, size: 11 }, 'left');
  }

  // The header stays on screen while scrolling and is printed again on every page.
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: header.number }];
  if (table.columns.length > 0) {
    sheet.autoFilter = {
      from: { row: header.number, column: 1 },
      to: { row: header.number, column: columnCount },
    };
  }
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${header.number}:${header.number}`,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: ReportsMessages.xlsxPageFooter };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
