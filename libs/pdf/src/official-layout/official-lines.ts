import { PdfMessages } from '../pdf.messages';
import type { OfficialHeader, OfficialSigner } from './official-document';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A deputy's position starts with "Phó" ("Phó Giám đốc", "Phó Chánh Văn phòng").
const DEPUTY = /^phó\s+/iu;

/** "01/BB-STP": serial on two digits, the form's symbol, the agency's ký hiệu when it has one. */
export function officialNumber(serial: number, symbol: string, abbreviation: string | null): string {
  const number = `${String(serial).padStart(2, '0')}/${symbol}`;
  return abbreviation ? `${number}-${abbreviation}` : number;
}

/** The "Số:" line of a header, or null for a document without a number. */
export function numberLine(header: OfficialHeader): string | null {
  if (!header.number) return null;
  const { serial, symbol } = header.number;
  return PdfMessages.official.number(officialNumber(serial, symbol, header.heading.abbreviation));
}

/**
 * "Kon Tum, ngày 03 tháng 12 năm 2026". As Nghị định 30 writes dates: a day below 10 and the
 * months 1 and 2 take a leading zero ("ngày 03 tháng 02"), other months do not ("tháng 7").
 */
export function placeDateLine(place: string | null, date: string): string {
  const m = CALENDAR_DATE.exec(date);
  if (!m) throw new RangeError(`Not a calendar date: ${date}`);
  const [year, month, day] = [m[1], Number(m[2]), Number(m[3])];
  const words = PdfMessages.official.dateWords(
    String(day).padStart(2, '0'),
    month <= 2 ? String(month).padStart(2, '0') : String(month),
    year,
  );
  return place ? `${place}, ${words}` : words.charAt(0).toLocaleUpperCase('vi') + words.slice(1);
}

/** True when the position is a deputy's ("Phó Giám đốc Sở"). */
export function isDeputy(position: string | null): boolean {
  return !!position && DEPUTY.test(position.normalize('NFC').trim());
}

function capitals(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleUpperCase('vi');
}

/**
 * The bold lines above a signature: the caption, then "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC" for a
 * deputy signing for the head, else the position in capitals.
 */
export function authorityLines(signer: OfficialSigner): string[] {
  const lines = signer.caption ? [capitals(signer.caption)] : [];
  const position = signer.position?.trim();
  if (!position) return lines;
  if (signer.forHead && isDeputy(position)) {
    lines.push(PdfMessages.official.onBehalfOf(capitals(position.replace(DEPUTY, ''))));
  }
  lines.push(capitals(position));
  return lines;
}
