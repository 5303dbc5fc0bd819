import { setImmediate } from 'node:timers/promises';
import { formatDateTimeVi, todayInVietnam } from '@eiso/common';
import {
  drawLines,
  drawOfficialClosing,
  drawOfficialHeader,
  drawParagraph,
  fitWords,
  lineHeightOf,
  officialClosingHeight,
  PdfColors,
  wrapText,
  type FittedText,
  type OfficialClosing,
  type PdfFonts,
  type TextBlockStyle,
} from '@eiso/pdf';
import type { PDFDocument, PDFPage } from 'pdf-lib';
import { cellDisplayText } from './report-cell';
import type { ReportColumn, ReportTable } from './report-table';
import { ReportsMessages } from './reports.messages';

/** A4 landscape, in points. */
export const REPORT_PAGE_SIZE: [number, number] = [841.89, 595.28];
const MARGIN = 32;
const FOOTER_HEIGHT = 18;
const FONT_SIZE = 8.5;
const LINE_HEIGHT = FONT_SIZE * 1.3;
const CELL_PADDING = 3;
const ROWS_PER_YIELD = 50;

interface PlacedColumn extends ReportColumn {
  x: number;
  innerWidth: number;
  outerWidth: number;
}

/**
 * Flows a register's rows down A4 landscape pages: the title block on the first page, the
 * column header on every page, rows never split unless a single row is taller than a page.
 */
export class ReportPdfLayout {
  private readonly columns: PlacedColumn[];
  private readonly headerLines: string[][];
  private page!: PDFPage;
  private y = 0;
  private rowsOnPage = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: PdfFonts,
    private readonly table: ReportTable,
  ) {
    const width = REPORT_PAGE_SIZE[0] - 2 * MARGIN;
    const total = table.columns.reduce((sum, column) => sum + Math.max(column.width, 0), 0) || 1;
    let x = MARGIN;
    this.columns = table.columns.map((column) => {
      const outerWidth = (Math.max(column.width, 0) / total) * width;
      const placed = { ...column, x, outerWidth, innerWidth: Math.max(outerWidth - 2 * CELL_PADDING, 1) };
      x += outerWidth;
      return placed;
    });
    this.headerLines = this.columns.map((column) =>
      wrapText(column.header, fonts.bold, FONT_SIZE, column.innerWidth),
    );
  }

  async render(): Promise<void> {
    this.startPage(true);
    for (const [index, row] of this.table.rows.entries()) {
      // Laying out is synchronous CPU work; yielding now and then keeps the API answering
      // other requests while a register of a thousand rows is drawn.
      if (index > 0 && index % ROWS_PER_YIELD === 0) await setImmediate();
      // Codes and reference numbers shrink to fit their cell rather than break mid-token.
      this.drawRow(
        this.columns.map((column) =>
          fitWords(
            cellDisplayText(column, row[column.key] ?? null),
            this.fonts.regular,
            FONT_SIZE,
            column.innerWidth,
          ),
        ),
      );
    }
    if (this.table.rows.length === 0) this.drawNoRows();
    if (this.table.footnote) this.drawFootnote(this.table.footnote);
    if (this.table.closing) this.drawClosing(this.table.closing);
    this.drawFooters();
  }

  private get bottomLimit(): number {
    return MARGIN + FOOTER_HEIGHT;
  }

  private startPage(first: boolean): void {
    this.page = this.doc.addPage(REPORT_PAGE_SIZE);
    this.y = REPORT_PAGE_SIZE[1] - MARGIN;
    this.rowsOnPage = 0;
    const centered = (font: TextBlockStyle['font'], size: number): TextBlockStyle => ({
      x: MARGIN,
      width: REPORT_PAGE_SIZE[0] - 2 * MARGIN,
      font,
      size,
      color: PdfColors.text,
      align: 'center',
    });
    if (first) {
      // A register has no number: the heading has no "Số:" line; its date is the day it was drawn up.
      this.y = drawOfficialHeader(
        this.page,
        this.fonts,
        {
          heading: this.table.heading,
          number: this.table.number,
          date: todayInVietnam(this.table.generatedAt),
          title: this.table.title,
          subtitle: this.table.subtitle,
        },
        { x: MARGIN, width: REPORT_PAGE_SIZE[0] - 2 * MARGIN },
        this.y,
      );
      this.y -= 10;
    } else {
      // Continuation pages name the register, so a loose page can be put back in place.
      const running = ReportsMessages.continued(`${this.table.heading.agencyName} — ${this.table.title}`);
      this.y = drawParagraph(
        this.page,
        running,
        this.y,
        { ...centered(this.fonts.regular, 7.5), align: 'left', color: PdfColors.muted },
        1,
      );
      this.y -= 4;
    }
    this.drawHeaderRow();
  }

  private drawHeaderRow(): void {
    const lineCount = Math.max(1, ...this.headerLines.map((lines) => lines.length));
    const height = lineCount * LINE_HEIGHT + 2 * CELL_PADDING;
    this.columns.forEach((column, index) => {
      this.page.drawRectangle({
        x: column.x,
        y: this.y - height,
        width: column.outerWidth,
        height,
        color: PdfColors.headerFill,
        borderColor: PdfColors.text,
        borderWidth: 0.6,
      });
      const lines = this.headerLines[index];
      // Headers centred vertically too, since a long header wraps where its neighbours do not.
      const top = this.y - CELL_PADDING - ((lineCount - lines.length) * LINE_HEIGHT) / 2;
      drawLines(this.page, lines, top, this.cellStyle(column, this.fonts.bold, 'center'));
    });
    this.y -= height;
  }

  private drawRow(cells: FittedText[]): void {
    const lineCount = Math.max(1, ...cells.map((cell) => cell.lines.length));
    let start = 0;
    while (start < lineCount) {
      const fitting = Math.floor((this.y - this.bottomLimit - 2 * CELL_PADDING) / LINE_HEIGHT);
      const remaining = lineCount - start;
      if (fitting < remaining && this.rowsOnPage > 0) {
        this.startPage(false);
        continue;
      }
      // Only a row taller than a whole page is cut, and then at a line boundary.
      const count = Math.max(1, Math.min(remaining, fitting));
      const height = count * LINE_HEIGHT + 2 * CELL_PADDING;
      this.columns.forEach((column, index) => {
        this.page.drawRectangle({
          x: column.x,
          y: this.y - height,
          width: column.outerWidth,
          height,
          borderColor: PdfColors.rule,
          borderWidth: 0.5,
        });
        const lines = cells[index].lines.slice(start, start + count);
        drawLines(this.page, lines, this.y - CELL_PADDING, {
          ...this.cellStyle(column, this.fonts.regular, column.align ?? 'left'),
          size: cells[index].size,
        });
      });
      this.y -= height;
      this.rowsOnPage += 1;
      start += count;
      if (start < lineCount) this.startPage(false);
    }
  }

  private drawNoRows(): void {
    const width = REPORT_PAGE_SIZE[0] - 2 * MARGIN;
    const height = LINE_HEIGHT + 2 * CELL_PADDING;
    this.page.drawRectangle({
      x: MARGIN,
      y: this.y - height,
      width,
      height,
      borderColor: PdfColors.rule,
      borderWidth: 0.5,
    });
    drawLines(this.page, [ReportsMessages.noRows], this.y - CELL_PADDING, {
      x: MARGIN,
      width,
      font: this.fonts.regular,
      size: FONT_SIZE,
      color: PdfColors.muted,
      align: 'center',
    });
    this.y -= height;
  }

  private drawFootnote(footnote: string): void {
    const width = REPORT_PAGE_SIZE[0] - 2 * MARGIN;
    const style: TextBlockStyle = {
      x: MARGIN,
      width,
      font: this.fonts.regular,
      size: 8,
      color: PdfColors.text,
    };
    this.y -= 6;
    for (const line of wrapText(footnote, style.font, style.size, width)) {
      if (this.y - lineHeightOf(style) < this.bottomLimit) this.startPage(false);
      this.y = drawLines(this.page, [line], this.y, style);
    }
  }

  /** The signature blocks, on a new page when they do not fit under the rows. */
  private drawClosing(closing: OfficialClosing): void {
    const area = { x: MARGIN, width: REPORT_PAGE_SIZE[0] - 2 * MARGIN };
    this.y -= 14;
    if (this.y - officialClosingHeight(this.fonts, closing, area) < this.bottomLimit) this.startPage(false);
    this.y = drawOfficialClosing(this.page, this.fonts, closing, area, this.y);
  }

  /** Page numbers need the page count, so they go on once every row is placed. */
  private drawFooters(): void {
    const pages = this.doc.getPages();
    const generatedBy = ReportsMessages.generatedBy(formatDateTimeVi(this.table.generatedAt));
    const style: TextBlockStyle = {
      x: MARGIN,
      width: REPORT_PAGE_SIZE[0] - 2 * MARGIN,
      font: this.fonts.regular,
      size: 7.5,
      color: PdfColors.muted,
    };
    pages.forEach((page, index) => {
      drawLines(page, [generatedBy], MARGIN + 7.5 * 1.3, style);
      drawLines(page, [ReportsMessages.page(index + 1, pages.length)], MARGIN + 7.5 * 1.3, {
        ...style,
        align: 'right',
      });
    });
  }

  private cellStyle(
    column: PlacedColumn,
    font: TextBlockStyle['font'],
    align: TextBlockStyle['align'],
  ): TextBlockStyle {
    return {
      x: column.x + CELL_PADDING,
      width: column.innerWidth,
      font,
      size: FONT_SIZE,
      // Fixed, so a cell shrunk to fit a long code keeps the rows' rhythm.
      lineHeight: LINE_HEIGHT,
      color: PdfColors.text,
      align,
    };
  }
}
