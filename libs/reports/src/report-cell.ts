import { formatDateVi } from '@eiso/common';
import type { ReportCellValue, ReportColumn } from './report-table';

// XML 1.0 forbids these characters; one of them in a cell makes Excel refuse the whole file.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The text of a cell: empty for null, NFC (DESIGN §12), without characters a file cannot hold. */
export function cellText(value: ReportCellValue): string {
  if (value === null || value === undefined) return '';
  return String(value).normalize('NFC').replace(INVALID_XML_CHARACTERS, ' ');
}

/**
 * The calendar date a cell of a date column holds, as midnight UTC of that day (how Excel's date
 * serials are written), or null when the value is not a real `YYYY-MM-DD` date.
 */
export function cellDate(value: ReportCellValue): Date | null {
  const m = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? date
    : null;
}

/** What a cell prints: a date column's dates as dd/mm/yyyy, anything else as its text. */
export function cellDisplayText(column: ReportColumn, value: ReportCellValue): string {
  if (column.type === 'date' && cellDate(value)) return formatDateVi(value as string);
  return cellText(value);
}
