import { PDFDocument, type PDFPage } from 'pdf-lib';
import { embedPdfFonts, type PdfFonts } from '../pdf-fonts';
import { PdfColors } from '../pdf-colors';
import { drawLines, lineHeightOf, type TextBlockStyle } from '../text-block';
import { wrapText } from '../text-layout';
import { drawOfficialClosing, officialClosingHeight } from './official-closing.block';
import type { OfficialClosing, OfficialHeader } from './official-document';
import { drawOfficialHeader } from './official-header.block';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const FOOTER = 24;

export interface ParagraphOptions {
  font?: 'regular' | 'bold' | 'italic';
  size?: number;
  align?: TextBlockStyle['align'];
  /** Left indent of every line, in points. */
  indent?: number;
  gapBefore?: number;
  color?: TextBlockStyle['color'];
}

/**
 * An A4 official document written top to bottom: the header (Nghị định 30 layout), paragraphs
 * wrapped to the column and broken across pages, the closing kept whole on one page, and a footer
 * on every page. One class for every issued paper so that none repeats its own page loop.
 */
export class FlowingDocument {
  readonly area = { x: MARGIN, width: A4[0] - 2 * MARGIN };
  private page!: PDFPage;
  private y = 0;

  private constructor(
    private readonly doc: PDFDocument,
    readonly fonts: PdfFonts,
  ) {
    this.newPage();
  }

  static async create(): Promise<FlowingDocument> {
    const doc = await PDFDocument.create();
    return new FlowingDocument(doc, await embedPdfFonts(doc));
  }

  header(header: OfficialHeader): void {
    this.y = drawOfficialHeader(this.page, this.fonts, header, this.area, this.y) - 6;
  }

  paragraph(text: string, options: ParagraphOptions = {}): void {
    const style = this.style(options);
    this.y -= options.gapBefore ?? 3;
    const lineHeight = lineHeightOf(style);
    for (const line of wrapText(text, style.font, style.size, style.width)) {
      if (this.y - lineHeight < MARGIN + FOOTER) this.newPage();
      this.y = drawLines(this.page, [line], this.y, style);
    }
  }

  /** A heading kept with at least the lines that follow it. */
  heading(text: string, options: ParagraphOptions = {}): void {
    const style = this.style({ font: 'bold', size: 11, ...options });
    if (this.y - (options.gapBefore ?? 10) - lineHeightOf(style) * 3 < MARGIN + FOOTER) this.newPage();
    this.paragraph(text, { font: 'bold', size: 11, gapBefore: 10, ...options });
  }

  /** The signature blocks and "Nơi nhận:", on a new page when they do not fit whole. */
  closing(closing: OfficialClosing, gapBefore = 16): void {
    if (this.y - gapBefore - officialClosingHeight(this.fonts, closing, this.area) < MARGIN + FOOTER) {
      this.newPage();
    }
    this.y = drawOfficialClosing(this.page, this.fonts, closing, this.area, this.y - gapBefore);
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  /** A line at the foot of every page, left, and the page number ("Trang 1/3") right. */
  async save(meta: {
    title: string;
    footer: string;
    createdAt: Date;
    page: (n: number, of: number) => string;
  }) {
    const pages = this.doc.getPages();
    const style = this.style({ size: 7.5, color: PdfColors.muted });
    pages.forEach((page, index) => {
      drawLines(page, [meta.footer], MARGIN - 8, style);
      drawLines(page, [meta.page(index + 1, pages.length)], MARGIN - 8, { ...style, align: 'right' });
    });
    this.doc.setTitle(meta.title.normalize('NFC'));
    this.doc.setProducer('eISO');
    this.doc.setCreator('eISO');
    this.doc.setLanguage('vi-VN');
    this.doc.setCreationDate(meta.createdAt);
    this.doc.setModificationDate(meta.createdAt);
    return Buffer.from(await this.doc.save());
  }

  private style(options: ParagraphOptions): TextBlockStyle {
    const indent = options.indent ?? 0;
    return {
      x: this.area.x + indent,
      width: this.area.width - indent,
      font: this.fonts[options.font ?? 'regular'],
      size: options.size ?? 11,
      color: options.color ?? PdfColors.text,
      align: options.align,
    };
  }
}
