import { ReportsMessages } from './reports.messages';

const MAX_SHEET_NAME_LENGTH = 31;
// Excel rejects a workbook whose sheet name holds any of these.
const INVALID_SHEET_NAME_CHARACTERS = /[\\/?*[\]:]/g;

/** A valid Excel sheet name from a report title: at most 31 characters, none of \ / ? * [ ] :. */
export function toSheetName(title: string): string {
  const cleaned = title
    .normalize('NFC')
    .replace(INVALID_SHEET_NAME_CHARACTERS, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // A leading or trailing apostrophe is reserved by Excel's formula syntax.
    .replace(/^'+|'+$/g, '');
  const name = Array.from(cleaned).slice(0, MAX_SHEET_NAME_LENGTH).join('').trim();
  return name || ReportsMessages.defaultSheetName;
}
