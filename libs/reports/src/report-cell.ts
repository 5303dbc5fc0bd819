import type { ReportCellValue } from './report-table';

// XML 1.0 forbids these characters; one of them in a cell makes Excel refuse the whole file.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** The text of a cell: empty for null, NFC (DESIGN §12), without characters a file cannot hold. */
export function cellText(value: ReportCellValue): string {
  if (value === null || value === undefined) return '';
  return String(value).normalize('NFC').replace(INVALID_XML_CHARACTERS, ' ');
}
