import { setImmediate } from 'node:timers/promises';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { formatDateTimeVi } from '@eiso/common';
import {
  drawLines,
  drawParagraph,
  embedPdfFonts,
  limitLines,
  lineHeightOf,
  PdfColors,
  wrapText,
  type PdfFonts,
  type TextBlockStyle,
} from '@eiso/pdf';
import { RECORD_MESSAGES } from './records.messages';

export interface MinuteSigner {
  name: string;
  position: string | null;
  at: Date;
}

export interface DisposalMinutesInput {
  agencyName: string;
  number: number;
  /** Calendar date of the minute (the day it was signed). */
  date: string;
  proposedAt: Date;
  proposer: MinuteSigner;
  approver: MinuteSigner;
  contentHash: string;
  completedAt: Date | null;
  rows: {
    title: string;
    type: string;
    reference: string;
    recordDate: string;
    retention: string;
    retentionEnd: string;
  }[];
  generatedAt: Date;
}

const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 42;
const WIDTH = PAGE[0] - 2 * MARGIN;
const FOOTER = 24;
const CELL_SIZE = 8.5;
const CELL_PADDING = 3;
const MAX_CELL_LINES = 6;
const ROWS_PER_YIELD = 50;
const M = RECORD_MESSAGES.minute;

const COLUMNS: { key: keyof DisposalMinutesInput['rows'][number] | 'no'; header: string; width: number }[] = [
  { key: 'no', header: M.columns.no, width: 5 },
  { key: 'title', header: M.columns.title, width: 27 },
  { key: 'type', header: M.columns.type, width: 19 },
  { key: 'reference', header: M.columns.reference, width: 13 },
  { key: 'recordDate', header: M.columns.recordDate, width: 11 },
  { key: 'retention', header: M.columns.retention, width: 11 },
  { key: 'retentionEnd', header: M.columns.retentionEnd, width: 11 },
];

/**
 * Biên bản hủy hồ sơ: A4 portrait with the national heading, the batch, a table of the records
 * (header repeated on every page) and the proposer's and approver's signature blocks. DejaVu Sans
 * is embedded, so every Vietnamese letter survives `pdftotext`.
 */
export async function renderDisposalMinutes(input: DisposalMinutesInput): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const fonts = await embedPdfFonts(doc);
  const layout = new MinutesLayout(doc, fonts);
  layout.heading(input);
  await layout.table(input.rows);
  layout.signatures(input);
  layout.footers(input.generatedAt);
  doc.setTitle(`${M.title} ${RECORD_MESSAGES.minuteNumber(input.number)}`.normalize('NFC'));
  doc.setProducer('eISO');
  doc.setCreator('eISO');
  doc.setLanguage('vi-VN');
  doc.setCreationDate(input.generatedAt);
  doc.setModificationDate(input.generatedAt);
  return Buffer.from(await doc.save());
}

class MinutesLayout {
  private page!: PDFPage;
  private y = 0;
  private readonly placed: { x: number; width: number }[];

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: PdfFonts,
  ) {
    const total = COLUMNS.reduce((sum, c) => sum + c.width, 0);
    let x = MARGIN;
    this.placed = COLUMNS.map((c) => {
      const width = (c.width / total) * WIDTH;
      const column = { x, width };
      x += width;
      return column;
    });
    this.newPage();
  }

  heading(input: DisposalMinutesInput): void {
    const half = WIDTH / 2;
    const left = this.style(this.fonts.bold, 10, { x: MARGIN, width: half - 10, align: 'center' });
    const right = this.style(this.fonts.bold, 10, { x: MARGIN + half, width: half, align: 'center' });
    const top = this.y;
    const leftBottom = drawParagraph(this.page, input.agencyName.toUpperCase(), top, left, 3);
    let rightBottom = drawLines(this.page, [M.nation], top, right);
    rightBottom = drawLines(this.page, [M.motto], rightBottom, { ...right, size: 10.5 });
    const mottoWidth = this.fonts.bold.widthOfTextAtSize(M.motto, 10.5);
    this.page.drawLine({
      start: { x: MARGIN + half + (half - mottoWidth) / 2, y: rightBottom - 1 },
      end: { x: MARGIN + half + (half + mottoWidth) / 2, y: rightBottom - 1 },
      thickness: 0.6,
      color: PdfColors.text,
    });
    this.y = Math.min(leftBottom, rightBottom) - 8;
    this.y = drawLines(this.page, [M.number(input.number)], this.y, { ...left, font: this.fonts.regular });
    drawLines(this.page, [M.placeDate(input.date)], this.y + lineHeightOf(left), {
      ...right,
      font: this.fonts.regular,
    });
    const centered = this.style(this.fonts.bold, 15, { align: 'center' });
    this.y = drawLines(this.page, [M.title], this.y - 16, centered);
    this.y = drawParagraph(
      this.page,
      M.intro(input.rows.length, input.proposedAt.toISOString()),
      this.y - 10,
      this.style(this.fonts.regular, 10),
    );
    this.y -= 8;
  }

  async table(rows: DisposalMinutesInput['rows']): Promise<void> {
    this.headerRow();
    for (const [index, row] of rows.entries()) {
      if (index > 0 && index % ROWS_PER_YIELD === 0) await setImmediate();
      const cells = COLUMNS.map((c, i) => {
        const text = c.key === 'no' ? String(index + 1) : row[c.key];
        const width = this.placed[i].width - 2 * CELL_PADDING;
        const font = this.fonts.regular;
        return limitLines(wrapText(text, font, CELL_SIZE, width), MAX_CELL_LINES, font, CELL_SIZE, width);
      });
      const height = this.rowHeight(cells);
      if (this.y - height < MARGIN + FOOTER) {
        this.newPage();
        this.headerRow();
      }
      this.drawRow(cells, height, false);
    }
  }

  signatures(input: DisposalMinutesInput): void {
    const closing = input.completedAt ? M.completedAt(formatDateTimeVi(input.completedAt)) : M.inProgress;
    const blockHeight = 130;
    if (this.y - blockHeight < MARGIN + FOOTER) this.newPage();
    this.y = drawParagraph(this.page, closing, this.y - 10, this.style(this.fonts.regular, 10));
    const half = WIDTH / 2;
    const blocks: [string, MinuteSigner, (t: string) => string, number][] = [
      [M.proposer, input.proposer, M.proposedAt, MARGIN],
      [M.approver, input.approver, M.signedAt, MARGIN + half],
    ];
    const top = this.y - 16;
    let bottom = top;
    for (const [title, signer, when, x] of blocks) {
      const column = { x, width: half, align: 'center' as const };
      let y = drawLines(this.page, [title], top, this.style(this.fonts.bold, 10.5, column));
      y = drawParagraph(this.page, signer.name, y - 26, this.style(this.fonts.bold, 10.5, column), 2);
      if (signer.position) {
        y = drawParagraph(
          this.page,
          M.position(signer.position),
          y,
          this.style(this.fonts.regular, 9.5, column),
          2,
        );
      }
      y = drawLines(
        this.page,
        [when(formatDateTimeVi(signer.at))],
        y,
        this.style(this.fonts.regular, 9.5, column),
      );
      bottom = Math.min(bottom, y);
    }
    this.y = drawParagraph(
      this.page,
      M.contentHash(input.contentHash),
      bottom - 14,
      this.style(this.fonts.regular, 8, { color: PdfColors.muted }),
    );
  }

  footers(generatedAt: Date): void {
    const pages = this.doc.getPages();
    const style = this.style(this.fonts.regular, 7.5, { color: PdfColors.muted });
    pages.forEach((page, index) => {
      drawLines(page, [M.generatedAt(formatDateTimeVi(generatedAt))], MARGIN, style);
      drawLines(page, [M.page(index + 1, pages.length)], MARGIN, { ...style, align: 'right' });
    });
  }

  private newPage(): void {
    this.page = this.doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }

  private headerRow(): void {
    const cells = COLUMNS.map((c, i) =>
      wrapText(c.header, this.fonts.bold, CELL_SIZE, this.placed[i].width - 2 * CELL_PADDING),
    );
    this.drawRow(cells, this.rowHeight(cells), true);
  }

  private rowHeight(cells: string[][]): number {
    const lines = Math.max(1, ...cells.map((c) => c.length));
    return lines * CELL_SIZE * 1.3 + 2 * CELL_PADDING;
  }

  private drawRow(cells: string[][], height: number, header: boolean): void {
    this.placed.forEach((column, i) => {
      this.page.drawRectangle({
        x: column.x,
        y: this.y - height,
        width: column.width,
        height,
        ...(header ? { color: PdfColors.headerFill } : {}),
        borderColor: header ? PdfColors.text : PdfColors.rule,
        borderWidth: 0.5,
      });
      drawLines(this.page, cells[i], this.y - CELL_PADDING, {
        x: column.x + CELL_PADDING,
        width: column.width - 2 * CELL_PADDING,
        font: header ? this.fonts.bold : this.fonts.regular,
        size: CELL_SIZE,
        color: PdfColors.text,
        align: header || i === 0 ? 'center' : 'left',
      });
    });
    this.y -= height;
  }

  private style(
    font: TextBlockStyle['font'],
    size: number,
    overrides: Partial<TextBlockStyle> = {},
  ): TextBlockStyle {
    return { x: MARGIN, width: WIDTH, font, size, color: PdfColors.text, ...overrides };
  }
}
