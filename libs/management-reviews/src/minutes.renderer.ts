import { PDFDocument, type PDFPage } from 'pdf-lib';
import { formatDateTimeVi } from '@eiso/common';
import {
  drawLines,
  drawOfficialClosing,
  drawOfficialHeader,
  embedPdfFonts,
  lineHeightOf,
  officialClosingHeight,
  PdfColors,
  wrapText,
  type OfficialClosing,
  type OfficialHeading,
  type PdfFonts,
  type TextBlockStyle,
} from '@eiso/pdf';
import { MINUTES_TEXT, MinutesBody, minutesSections } from './minutes-text';

export interface MinutesInput {
  heading: OfficialHeading;
  serial: number;
  /** The day of signing (Vietnam). */
  date: string;
  body: MinutesBody;
  /** The chair; `signedAt` and `contentHash` null on a draft (not signed yet). */
  signer: { name: string; position: string | null; signedAt: Date | null; contentHash: string | null };
  /** A draft to read before signing: marked "DỰ THẢO" under the title. */
  draft?: boolean;
  generatedAt: Date;
}

const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = PAGE[0] - 2 * MARGIN;
const FOOTER = 24;
const INDENT = 14;

/**
 * Báo cáo xem xét của lãnh đạo: A4 in the official layout (heading, "Số: 01/BC-STP", place and
 * date, title), the sections of ISO 9001 9.3.2–9.3.3 with their figures, and the chair's signature
 * with its time and hash. DejaVu Sans is embedded, so every Vietnamese letter survives `pdftotext`.
 */
export async function renderMinutes(input: MinutesInput): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const fonts = await embedPdfFonts(doc);
  const layout = new MinutesLayout(doc, fonts);
  layout.write(input);
  layout.footers(input.generatedAt);
  doc.setTitle(`${MINUTES_TEXT.title} ${input.body.number}`.normalize('NFC'));
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

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: PdfFonts,
  ) {
    this.newPage();
  }

  write(input: MinutesInput): void {
    this.y = drawOfficialHeader(
      this.page,
      this.fonts,
      {
        heading: input.heading,
        number: { serial: input.serial, symbol: MINUTES_TEXT.numberSymbol },
        date: input.date,
        title: MINUTES_TEXT.title,
        subtitle: [
          ...(input.draft ? [MINUTES_TEXT.draft] : []),
          `${input.body.title} (kỳ xem xét số ${input.body.number})`,
        ],
      },
      { x: MARGIN, width: WIDTH },
      this.y,
    );
    this.y -= 6;
    const body = this.style(this.fonts.regular, 10);
    const item = { ...body, x: MARGIN + INDENT, width: WIDTH - INDENT };
    for (const section of minutesSections(input.body)) {
      this.heading(section.heading);
      for (const line of section.lines) this.paragraph(line, line.startsWith('- ') ? item : body);
    }
    this.closing(input);
  }

  private closing(input: MinutesInput): void {
    const closing: OfficialClosing = {
      signers: [
        {
          caption: MINUTES_TEXT.signer,
          position: input.signer.position,
          name: input.signer.name,
          note: input.signer.signedAt
            ? MINUTES_TEXT.signedAt(formatDateTimeVi(input.signer.signedAt))
            : MINUTES_TEXT.notSigned,
        },
      ],
      recipients: MINUTES_TEXT.recipients,
    };
    const area = { x: MARGIN, width: WIDTH };
    const hash = this.style(this.fonts.regular, 8, { color: PdfColors.muted });
    const hashLine = input.signer.contentHash ? MINUTES_TEXT.contentHash(input.signer.contentHash) : null;
    const needed = 16 + officialClosingHeight(this.fonts, closing, area) + 14 + lineHeightOf(hash) * 3;
    if (this.y - needed < MARGIN + FOOTER) this.newPage();
    const bottom = drawOfficialClosing(this.page, this.fonts, closing, area, this.y - 16);
    this.y = bottom - 14;
    if (hashLine) this.paragraph(hashLine, hash);
  }

  footers(generatedAt: Date): void {
    const pages = this.doc.getPages();
    const style = this.style(this.fonts.regular, 7.5, { color: PdfColors.muted });
    pages.forEach((page, index) => {
      drawLines(page, [MINUTES_TEXT.generatedAt(formatDateTimeVi(generatedAt))], MARGIN - 8, style);
      drawLines(page, [MINUTES_TEXT.page(index + 1, pages.length)], MARGIN - 8, { ...style, align: 'right' });
    });
  }

  private heading(text: string): void {
    const style = this.style(this.fonts.bold, 11);
    if (this.y - 10 - lineHeightOf(style) * 3 < MARGIN + FOOTER) this.newPage();
    this.paragraph(text, style, 10);
  }

  private paragraph(text: string, style: TextBlockStyle, gapBefore = 2): void {
    this.y -= gapBefore;
    const lineHeight = lineHeightOf(style);
    for (const line of wrapText(text, style.font, style.size, style.width)) {
      if (this.y - lineHeight < MARGIN + FOOTER) this.newPage();
      this.y = drawLines(this.page, [line], this.y, style);
    }
  }

  private newPage(): void {
    this.page = this.doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }

  private style(
    font: TextBlockStyle['font'],
    size: number,
    overrides: Partial<TextBlockStyle> = {},
  ): TextBlockStyle {
    return { x: MARGIN, width: WIDTH, font, size, color: PdfColors.text, ...overrides };
  }
}
