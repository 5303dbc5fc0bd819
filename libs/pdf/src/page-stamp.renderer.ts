import type { PDFPage } from 'pdf-lib';
import { PageFrame } from './page-frame';
import { PdfColors } from './pdf-colors';
import type { PdfFonts } from './pdf-fonts';
import { toPdfText } from './text-layout';

/** The texts of the control band of one page. */
export interface PageStamp {
  /** "BẢN CÓ KIỂM SOÁT" or "HẾT HIỆU LỰC". */
  status: string;
  /** Code, issue number and effective date, on one line. */
  details: string;
  /** "Trang x/y". */
  pageLabel: string;
  /** When set, also printed large across the page. */
  watermark?: string;
}

const BAND_FONT_SIZE = 7.5;
const MIN_BAND_FONT_SIZE = 4;
const BAND_TOP_GAP = 5;
const BAND_GAP = 14;
const BAND_PADDING = 6;

/**
 * Stamps one page: an optional diagonal watermark, then a thin band along the top edge. The band
 * sits in the page margin (about 7 mm) and is mostly opaque so it stays legible over a scan.
 */
export function stampPage(page: PDFPage, fonts: PdfFonts, stamp: PageStamp): void {
  const frame = new PageFrame(page);
  if (stamp.watermark) drawWatermark(frame, fonts, toPdfText(stamp.watermark));
  drawBand(frame, fonts, {
    ...stamp,
    status: toPdfText(stamp.status),
    details: toPdfText(stamp.details),
    pageLabel: toPdfText(stamp.pageLabel),
  });
}

function drawBand(frame: PageFrame, fonts: PdfFonts, stamp: PageStamp): void {
  const side = Math.min(Math.max(frame.width * 0.04, 8), 28);
  const available = frame.width - 2 * side - 2 * BAND_PADDING;
  const widthAt = (size: number): number =>
    fonts.bold.widthOfTextAtSize(stamp.status, size) +
    fonts.regular.widthOfTextAtSize(stamp.details, size) +
    fonts.regular.widthOfTextAtSize(stamp.pageLabel, size) +
    2 * BAND_GAP;
  // Small pages and long codes shrink the band's text rather than overflow the page.
  const size = Math.max(
    MIN_BAND_FONT_SIZE,
    Math.min(BAND_FONT_SIZE, (BAND_FONT_SIZE * available) / widthAt(BAND_FONT_SIZE)),
  );
  const height = size * 2.2;
  const bottom = frame.height - BAND_TOP_GAP - height;
  const baseline = bottom + (height - size) / 2 + size * 0.15;

  frame.drawRectangle({
    x: side,
    y: bottom,
    width: frame.width - 2 * side,
    height,
    color: PdfColors.paper,
    opacity: 0.85,
    borderColor: PdfColors.stamp,
    borderWidth: 0.6,
  });

  const left = side + BAND_PADDING;
  const right = frame.width - side - BAND_PADDING;
  const statusWidth = fonts.bold.widthOfTextAtSize(stamp.status, size);
  const detailsWidth = fonts.regular.widthOfTextAtSize(stamp.details, size);
  const pageWidth = fonts.regular.widthOfTextAtSize(stamp.pageLabel, size);
  // Centred on the page when there is room, otherwise right after the status.
  const detailsX = Math.min(
    Math.max(left + statusWidth + BAND_GAP, (frame.width - detailsWidth) / 2),
    right - pageWidth - BAND_GAP - detailsWidth,
  );

  frame.drawText(stamp.status, { x: left, y: baseline, font: fonts.bold, size, color: PdfColors.stamp });
  frame.drawText(stamp.details, {
    x: detailsX,
    y: baseline,
    font: fonts.regular,
    size,
    color: PdfColors.text,
  });
  frame.drawText(stamp.pageLabel, {
    x: right - pageWidth,
    y: baseline,
    font: fonts.regular,
    size,
    color: PdfColors.text,
  });
}

function drawWatermark(frame: PageFrame, fonts: PdfFonts, text: string): void {
  const angle = Math.atan2(frame.height, frame.width);
  const diagonal = Math.hypot(frame.width, frame.height);
  const size = (diagonal * 0.6) / fonts.bold.widthOfTextAtSize(text, 1);
  const textWidth = fonts.bold.widthOfTextAtSize(text, size);
  const capHeight = size * 0.73;
  // Start point chosen so that the middle of the rotated text is the middle of the page.
  const x = frame.width / 2 - (Math.cos(angle) * textWidth) / 2 + (Math.sin(angle) * capHeight) / 2;
  const y = frame.height / 2 - (Math.sin(angle) * textWidth) / 2 - (Math.cos(angle) * capHeight) / 2;
  frame.drawText(text, {
    x,
    y,
    font: fonts.bold,
    size,
    color: PdfColors.stamp,
    opacity: 0.22,
    angle: (angle * 180) / Math.PI,
  });
}
