import { parse } from 'csv-parse/sync';
import { DomainException, ErrorCode, foldVietnamese, unstorableIndex } from '@eiso/common';
import { isAgencyAbbreviation, MAX_PLACE_LENGTH } from './agency-heading-fields';
import { AgencyLevel, isAgencyLevel, MAX_ROADMAP_YEAR, MIN_ROADMAP_YEAR } from './agency-level';
import { cleanText } from './clean-text';
import { districtKey } from './district-matcher';
import { ORGANIZATIONS_MESSAGES as M } from './organizations.messages';

/** The columns of the roadmap list, e.g. seed/kontum-agencies-2020.csv. */
export const AGENCY_CSV_COLUMNS = ['no', 'group', 'level', 'deadline_year', 'district', 'name'] as const;
const REQUIRED_COLUMNS = ['level', 'deadline_year', 'district', 'name'] as const;
/** Optional: the agency's ký hiệu and địa danh for the official heading of generated documents. */
export const AGENCY_CSV_OPTIONAL_COLUMNS = ['abbreviation', 'place'] as const;

/** Keeps one import inside one reasonable transaction; a province has 100–250 agencies. */
export const MAX_IMPORT_ROWS = 5000;

export interface AgencyCsvRow {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  no: string | null;
  group: string | null;
  level: AgencyLevel;
  roadmapYear: number;
  /** For communes: the district they belong to, as written ("Huyện Đăk Glei"). */
  district: string | null;
  name: string;
  /** Null when the file has no such column or leaves the cell empty: an existing value is kept. */
  abbreviation: string | null;
  place: string | null;
}

export interface AgencyCsvRowError {
  line: number;
  /** Vietnamese, shown to the user as is. */
  message: string;
}

interface RawRecord {
  record: string[];
  line: number;
}

/**
 * Parses and validates a roadmap CSV (UTF-8, with or without BOM). Every text is NFC-normalized.
 * Reports every broken row at once: AgencyImportInvalid with `details.errors = [{ line, message }]`.
 */
export function parseAgencyCsv(input: Buffer | string): AgencyCsvRow[] {
  const records = readRecords(decode(input));
  if (records.length === 0) fail([{ line: 1, message: M.empty }]);
  const [header, ...data] = records;
  const columns = header.record.map((c) => cleanText(c).toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    fail([{ line: header.line, message: M.missingColumns(missing, AGENCY_CSV_COLUMNS) }]);
  if (data.length === 0) fail([{ line: header.line, message: M.empty }]);
  if (data.length > MAX_IMPORT_ROWS) fail([{ line: header.line, message: M.tooManyRows(MAX_IMPORT_ROWS) }]);

  const errors: AgencyCsvRowError[] = [];
  const rows: AgencyCsvRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, line } of data) {
    // Spreadsheets leave rows of bare separators (",,,,,") at the end of an export.
    if (record.every((value) => !value.trim())) continue;
    if (record.length !== columns.length) {
      errors.push({ line, message: M.columnCount(record.length, columns.length) });
      continue;
    }
    const cell = (name: string): string => cleanText(record[columns.indexOf(name)] ?? '');
    const row = validateRow(line, cell, errors);
    if (!row) continue;
    const key = siblingKey(row);
    const first = firstLineOf.get(key);
    if (first !== undefined) errors.push({ line, message: M.duplicateRow(first) });
    else firstLineOf.set(key, line);
    rows.push(row);
  }
  if (errors.length > 0) fail(errors);
  return rows;
}

function validateRow(
  line: number,
  cell: (name: string) => string,
  errors: AgencyCsvRowError[],
): AgencyCsvRow | null {
  const level = cell('level');
  const year = cell('deadline_year');
  const name = cell('name');
  const district = cell('district');
  const abbreviation = cell('abbreviation');
  const place = cell('place');
  const before = errors.length;
  if (!isAgencyLevel(level)) errors.push({ line, message: M.badLevel(level) });
  const roadmapYear = /^\d{4}$/.test(year) ? Number(year) : NaN;
  if (!(roadmapYear >= MIN_ROADMAP_YEAR && roadmapYear <= MAX_ROADMAP_YEAR)) {
    errors.push({ line, message: M.badYear(year) });
  }
  if (!name) errors.push({ line, message: M.missingName });
  if (level === String(AgencyLevel.Commune) && !district) errors.push({ line, message: M.missingDistrict });
  if (abbreviation && !isAgencyAbbreviation(abbreviation)) errors.push({ line, message: M.badAbbreviation });
  if (place.length > MAX_PLACE_LENGTH) errors.push({ line, message: M.placeTooLong(MAX_PLACE_LENGTH) });
  if (errors.length > before || !isAgencyLevel(level)) return null;
  return {
    line,
    no: cell('no') || null,
    group: cell('group') || null,
    level,
    roadmapYear,
    district: district || null,
    name,
    abbreviation: abbreviation || null,
    place: place || null,
  };
}

/** Two rows that would end up under the same parent with the same folded name collide. */
function siblingKey(row: AgencyCsvRow): string {
  const parent = row.level === AgencyLevel.Commune && row.district ? districtKey(row.district) : '';
  return `${parent}|${foldVietnamese(row.name)}`;
}

function decode(input: Buffer | string): string {
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeUtf8(input);
  // The same check as every text the API receives: PostgreSQL refuses a NUL (22021).
  const bad = unstorableIndex(text);
  if (bad >= 0) fail([{ line: text.slice(0, bad).split('\n').length, message: M.unstorableCharacter }]);
  return text;
}

function decodeUtf8(input: Buffer): string {
  try {
    // The decoder drops a leading BOM itself; `fatal` refuses files saved in a legacy code page.
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return fail([{ line: 1, message: M.notUtf8 }]);
  }
}

function readRecords(text: string): RawRecord[] {
  try {
    // `info: true` yields `{ record, info }` (the typings do not model it): `info.lines` is the line number.
    const parsed = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return parsed.map(({ record, info }) => ({ record, line: info.lines }));
  } catch (error: unknown) {
    const line = (error as { lines?: unknown }).lines;
    return fail([{ line: typeof line === 'number' ? line : 1, message: M.malformedCsv }]);
  }
}

function fail(errors: AgencyCsvRowError[]): never {
  throw new DomainException(ErrorCode.AgencyImportInvalid, { errors });
}
