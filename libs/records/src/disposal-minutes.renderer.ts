import { setImmediate } from 'node:timers/promises';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { formatDateTimeVi } from '@eiso/common';
import {
  drawLines,
  drawOfficialClosing,
  drawOfficialHeader,
  drawParagraph,
  embedPdfFonts,
  fitWords,
  limitLines,
  lineHeightOf,
  officialClosingHeight,
  PdfColors,
  wrapText,
  type OfficialClosing,
  type OfficialHeading,
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
  heading: OfficialHeading;
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

/** A table cell: its lines and the size they fit at. */
interface Cell {
  size: number;
  lines: string[];
}

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
 * Biên bản hủy hồ sơ: A4 portrait in the official layout (Nghị định 30/2020/NĐ-CP: heading,
 * "Số: 01/BB-STP", place and date), the batch, a table of the records (header repeated on every
 * page) and the proposer's and approver's signature blocks. DejaVu Sans is embedded, so every
 * Vietnamese letter survives `pdftotext`.
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
    this.y = drawOfficialHeader(
      this.page,
      this.fonts,
      {
        heading: input.heading,
        number: { serial: input.number, symbol: M.numberSymbol },
        date: input.date,
        title: M.title,
      },
      { x: MARGIN, width: WIDTH },
      this.y,
    );
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
        // A reference number or code shrinks to fit its cell rather than break mid-token.
        const { size, lines } = fitWords(text, font, CELL_SIZE, width);
        return { size, lines: limitLines(lines, MAX_CELL_LINES, font, size, width) };
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
    const closing: OfficialClosing = {
      signers: [
        {
          caption: M.proposer,
          position: input.proposer.position,
          name: input.proposer.name,
          note: M.proposedAt(formatDateTimeVi(input.proposer.at)),
        },
        {
          // The head, or a deputy signing for the head (KT.); a signer without a position is named by the role.
          ...(input.approver.position ? {} : { caption: M.approver }),
          position: input.approver.position,
          forHead: true,
          name: input.approver.name,
          note: M.signedAt(formatDateTimeVi(input.approver.at)),
        },
      ],
    };
    const area = { x: MARGIN, width: WIDTH };
    const text = this.style(this.fonts.regular, 10);
    const hash = this.style(this.fonts.regular, 8, { color: PdfColors.muted });
    const closingLine = input.completedAt ? M.completedAt(formatDateTimeVi(input.completedAt)) : M.inProgress;
    const hashLine = M.contentHash(input.contentHash);
    // The closing line, the signatures and the hash stay together on one page.
    const needed =
      10 +
      this.paragraphHeight(closingLine, text) +
      16 +
      officialClosingHeight(this.fonts, closing, area) +
      14 +
      this.paragraphHeight(hashLine, hash);
    if (this.y - needed < MARGIN + FOOTER) this.newPage();
    this.y = drawParagraph(this.page, closingLine, this.y - 10, text);
    const bottom = drawOfficialClosing(this.page, this.fonts, closing, area, this.y - 16);
    this.y = drawParagraph(this.page, hashLine, bottom - 14, hash);
  }

  private paragraphHeight(text: string, style: TextBlockStyle): number {
    return wrapText(text, style.font, style.size, style.width).length * lineHeightOf(style);
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
    const cells = COLUMNS.map((c, i) => ({
      size: CELL_SIZE,
      lines: wrapText(c.header, this.fonts.bold, CELL_SIZE, this.placed[i].width - 2 * CELL_PADDING),
    }));
    this.drawRow(cells, this.rowHeight(cells), true);
  }

  private rowHeight(cells: Cell[]): number {
    return Math.max(CELL_SIZE * 1.3, ...cells.map((c) => c.lines.length * c.size * 1.3)) + 2 * CELL_PADDING;
  }

  private drawRow(cells: Cell[], height: number, header: boolean): void {
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
      drawLines(this.page, cells[i].lines, this.y - CELL_PADDING, {
        x: column.x + CELL_PADDING,
        width: column.width - 2 * CELL_PADDING,
        font: header ? this.fonts.bold : this.fonts.regular,
        size: cells[i].size,
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
