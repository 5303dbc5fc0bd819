import type { PDFPage } from 'pdf-lib';
import type { PageColumn } from '../page-geometry';
import { PdfColors } from '../pdf-colors';
import type { PdfFonts } from '../pdf-fonts';
import { PdfMessages } from '../pdf.messages';
import type { TextBlockStyle } from '../text-block';
import { fitLine, fitWords, type FittedText } from '../word-fit';
import { officialColumns } from './official-columns';
import type { OfficialHeader } from './official-document';
import { numberLine, placeDateLine } from './official-lines';
import { TextStack, type StackPart } from './text-stack';

/** Sizes in points: DejaVu Sans is wider than the Times New Roman 12–14 of paper forms. */
export const OFFICIAL_SIZES = {
  heading: 10.5,
  motto: 11,
  number: 10.5,
  title: 13.5,
  subtitle: 10,
} as const;

/** Under the agency's name: within the ⅓–½ of the line Nghị định 30 asks for. */
const AGENCY_RULE = 0.4;
const TITLE_GAP = 22;

function part(
  fitted: FittedText,
  column: PageColumn,
  font: TextBlockStyle['font'],
  extra: Partial<StackPart> = {},
): StackPart {
  return {
    lines: fitted.lines,
    style: { ...column, font, size: fitted.size, color: PdfColors.text, align: 'center' },
    ...extra,
  };
}

function capitals(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi');
}

/**
 * Draws the top of an official document in `area` from `top`: on the left the governing body over
 * the agency's name in bold capitals with a short rule, on the right the quốc hiệu over the tiêu
 * ngữ with its rule; under them "Số: …" and the place and date in italics; then the title and its
 * subtitle, centered. Returns the bottom of what it drew.
 */
export function drawOfficialHeader(
  page: PDFPage,
  fonts: PdfFonts,
  header: OfficialHeader,
  area: PageColumn,
  top: number,
): number {
  const { left, right } = officialColumns(area);
  const size = OFFICIAL_SIZES;
  const { heading } = header;

  const agencySide = new TextStack([
    ...(heading.governingBody
      ? [
          part(
            fitWords(capitals(heading.governingBody), fonts.regular, size.heading, left.width),
            left,
            fonts.regular,
          ),
        ]
      : []),
    part(fitWords(capitals(heading.agencyName), fonts.bold, size.heading, left.width), left, fonts.bold, {
      rule: AGENCY_RULE,
    }),
  ]);
  const nationSide = new TextStack([
    part(fitLine(PdfMessages.official.nation, fonts.bold, size.heading, right.width), right, fonts.bold),
    part(fitLine(PdfMessages.official.motto, fonts.bold, size.motto, right.width), right, fonts.bold, {
      rule: 1,
    }),
  ]);
  const sidesBottom = Math.min(agencySide.draw(page, top), nationSide.draw(page, top));

  const number = numberLine(header);
  const numberBottom = number
    ? new TextStack([
        part(fitLine(number, fonts.regular, size.number, left.width), left, fonts.regular),
      ]).draw(page, sidesBottom - 4)
    : sidesBottom;
  const placeDate = placeDateLine(heading.place, header.date);
  const dateBottom = new TextStack([
    part(fitLine(placeDate, fonts.italic, size.number, right.width), right, fonts.italic),
  ]).draw(page, sidesBottom - 4);

  const title = new TextStack([
    part(fitWords(capitals(header.title), fonts.bold, size.title, area.width), area, fonts.bold, {
      gapBefore: TITLE_GAP,
    }),
    ...(header.subtitle ?? []).map((line, index) =>
      part(fitWords(line, fonts.regular, size.subtitle, area.width), area, fonts.regular, {
        gapBefore: index === 0 ? 4 : 0,
      }),
    ),
  ]);
  return title.draw(page, Math.min(numberBottom, dateBottom));
}
