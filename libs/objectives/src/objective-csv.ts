import { parse } from 'csv-parse/sync';
import { DomainException, ErrorCode, nfc, unstorableIndex } from '@eiso/common';
import { LateDossierDetail } from './objective-measurement.entity';
import { periodProblem } from './objective-periods';
import { ObjectiveFrequency } from './objective-state';
import { OBJECTIVE_MESSAGES } from './objectives.messages';

const M = OBJECTIVE_MESSAGES.import;

export const MAX_IMPORT_ROWS = 5000;
export const MAX_NOTE_LENGTH = 2000;
const MAX_TTHC_TEXT = 500;
/** A TTHC code of the national database (1.000948) — the nonconformity form takes at most 40. */
const MAX_TTHC_CODE = 40;

/** (a) one value per row; (b) the one-stop-shop export: dossiers on time / late per TTHC and month. */
export type MeasurementCsvShape = 'values' | 'one_stop';

const VALUE_HEADERS: readonly (readonly string[])[] = [
  ['ky', 'gia_tri', 'ghi_chu'],
  ['period', 'value', 'note'],
];
const ONE_STOP_HEADER = ['ky', 'ma_tthc', 'ten_tthc', 'dung_han', 'tre_han'] as const;

export interface ImportedMeasurement {
  /** First line of the file that gave this period. */
  line: number;
  period: string;
  value: number;
  note: string | null;
  detail: LateDossierDetail | null;
}

/** The shape of every CSV import's refused row (RowErrorResponse): the message names the row and the field. */
export interface MeasurementCsvError {
  line: number;
  /** Vietnamese: "Dòng 3, giá trị: …". */
  message: string;
}

export interface MeasurementCsvContext {
  year: number;
  frequency: ObjectiveFrequency;
  /** YYYY-MM-DD in Vietnam: periods not begun yet are refused. */
  today: string;
}

/** Recognises the shape by its header (lowercase, trimmed); null when it is neither. */
export function recogniseShape(
  header: readonly string[],
): { shape: MeasurementCsvShape; columns: string[] } | null {
  const columns = header.map((c) => nfc(c).trim().toLowerCase());
  const is = (expected: readonly string[], optionalLast: boolean) =>
    (columns.length === expected.length || (optionalLast && columns.length === expected.length - 1)) &&
    columns.every((c, i) => c === expected[i]);
  if (VALUE_HEADERS.some((h) => is(h, true))) return { shape: 'values', columns };
  if (is(ONE_STOP_HEADER, false)) return { shape: 'one_stop', columns };
  return null;
}

/** 100 × on time / (on time + late), rounded to 2 decimals. */
export function onTimePercent(onTime: number, late: number): number {
  return Math.round(((100 * onTime) / (onTime + late)) * 100) / 100;
}

/** "98.5", "98,5", "-3", "1000": a finite decimal; null otherwise. */
export function parseDecimal(raw: string): number | null {
  const text = raw.trim().replace(/\s/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(text)) return null;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) && Math.abs(value) <= 1e12 ? value : null;
}

/** "2026-03" as written, or "03/2026" / "3/2026" as spreadsheets write a month. */
export function normalisePeriod(raw: string): string {
  const text = raw.trim();
  const m = /^(\d{1,2})\/(\d{4})$/.exec(text);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `${m[2]}-${m[1].padStart(2, '0')}`;
  return text;
}

/**
 * Parses and checks an import file for one objective. All-or-nothing: every broken row is
 * reported at once (ObjectiveImportInvalid, `details.errors = [{ line, message }]`).
 */
export function parseMeasurementCsv(
  input: Buffer | string,
  ctx: MeasurementCsvContext,
): { shape: MeasurementCsvShape; rows: ImportedMeasurement[] } {
  const text = decode(input);
  const records = readRecords(text, delimiterOf(text));
  if (!records.length) fail([{ line: 1, message: M.empty }]);
  const [header, ...data] = records;
  const recognised = recogniseShape(header.record);
  if (!recognised) fail([{ line: header.line, message: M.unknownHeader }]);
  const rows = data.filter((r) => r.record.some((v) => v.trim()));
  if (!rows.length) fail([{ line: header.line, message: M.empty }]);
  if (rows.length > MAX_IMPORT_ROWS) fail([{ line: header.line, message: M.tooManyRows(MAX_IMPORT_ROWS) }]);
  const errors: MeasurementCsvError[] = [];
  const result =
    recognised.shape === 'values'
      ? valueRows(rows, recognised.columns.length, ctx, errors)
      : oneStopRows(header.line, rows, ctx, errors);
  if (errors.length) fail(errors);
  return { shape: recognised.shape, rows: result };
}

interface RawRecord {
  record: string[];
  line: number;
}

function push(errors: MeasurementCsvError[], line: number, field: string | null, message: string): void {
  errors.push({
    line,
    message: field ? `Dòng ${line}, ${field}: ${message}` : `Dòng ${line}: ${message}`,
  });
}

function checkPeriod(
  raw: string,
  line: number,
  ctx: MeasurementCsvContext,
  errors: MeasurementCsvError[],
): string | null {
  const period = normalisePeriod(raw);
  if (!period) {
    push(errors, line, M.fields.period, M.missing(M.fields.period));
    return null;
  }
  const problem = periodProblem(period, ctx, ctx.today);
  if (problem) {
    push(
      errors,
      line,
      M.fields.period,
      OBJECTIVE_MESSAGES.periodProblem(problem, period, ctx.frequency, ctx.year),
    );
    return null;
  }
  return period;
}

function valueRows(
  rows: RawRecord[],
  width: number,
  ctx: MeasurementCsvContext,
  errors: MeasurementCsvError[],
): ImportedMeasurement[] {
  const out: ImportedMeasurement[] = [];
  const firstLine = new Map<string, number>();
  for (const { record, line } of rows) {
    if (record.length > width || record.length < 2) {
      push(errors, line, null, M.columnCount(record.length, width));
      continue;
    }
    const period = checkPeriod(record[0] ?? '', line, ctx, errors);
    const rawValue = (record[1] ?? '').trim();
    const value = rawValue ? parseDecimal(rawValue) : null;
    if (!rawValue) push(errors, line, M.fields.value, M.missing(M.fields.value));
    else if (value === null) push(errors, line, M.fields.value, M.badValue(rawValue));
    const note = nfc(record[2] ?? '').trim() || null;
    if (note && note.length > MAX_NOTE_LENGTH) push(errors, line, 'ghi chú', M.noteTooLong(MAX_NOTE_LENGTH));
    if (period) {
      const first = firstLine.get(period);
      if (first !== undefined) {
        push(errors, line, M.fields.period, M.duplicatePeriod(period, first));
        continue;
      }
      firstLine.set(period, line);
    }
    if (period && value !== null) out.push({ line, period, value, note, detail: null });
  }
  return out;
}

function oneStopRows(
  headerLine: number,
  rows: RawRecord[],
  ctx: MeasurementCsvContext,
  errors: MeasurementCsvError[],
): ImportedMeasurement[] {
  if (ctx.frequency !== ObjectiveFrequency.Monthly) {
    push(errors, headerLine, null, M.oneStopMonthlyOnly);
    return [];
  }
  const byPeriod = new Map<string, { line: number; tthc: LateDossierDetail['tthc'] }>();
  const firstLine = new Map<string, number>();
  for (const { record, line } of rows) {
    if (record.length !== ONE_STOP_HEADER.length) {
      push(errors, line, null, M.columnCount(record.length, ONE_STOP_HEADER.length));
      continue;
    }
    const before = errors.length;
    const period = checkPeriod(record[0], line, ctx, errors);
    const code = nfc(record[1]).replace(/\s+/g, ' ').trim();
    const name = nfc(record[2]).replace(/\s+/g, ' ').trim();
    if (!code) push(errors, line, M.fields.tthcCode, M.missing(M.fields.tthcCode));
    else if (code.length > MAX_TTHC_CODE)
      push(errors, line, M.fields.tthcCode, M.textTooLong('Mã TTHC', MAX_TTHC_CODE));
    if (!name) push(errors, line, M.fields.tthcName, M.missing(M.fields.tthcName));
    else if (name.length > MAX_TTHC_TEXT)
      push(errors, line, M.fields.tthcName, M.textTooLong('Tên TTHC', MAX_TTHC_TEXT));
    const onTime = count(record[3], line, M.fields.onTime, errors);
    const late = count(record[4], line, M.fields.late, errors);
    if (errors.length > before || !period || onTime === null || late === null) continue;
    const key = `${period}|${code}`;
    const first = firstLine.get(key);
    if (first !== undefined) {
      push(errors, line, M.fields.tthcCode, M.duplicateTthc(code, period, first));
      continue;
    }
    firstLine.set(key, line);
    const group = byPeriod.get(period) ?? { line, tthc: [] };
    group.tthc.push({ code, name, onTime, late });
    byPeriod.set(period, group);
  }
  const out: ImportedMeasurement[] = [];
  for (const [period, group] of byPeriod) {
    const onTime = group.tthc.reduce((a, t) => a + t.onTime, 0);
    const late = group.tthc.reduce((a, t) => a + t.late, 0);
    if (onTime + late === 0) {
      push(errors, group.line, null, M.noDossiers(period));
      continue;
    }
    out.push({
      line: group.line,
      period,
      value: onTimePercent(onTime, late),
      note: OBJECTIVE_MESSAGES.lateNote(onTime + late, late),
      detail: { tthc: group.tthc },
    });
  }
  return out.sort((a, b) => (a.period < b.period ? -1 : 1));
}

function count(raw: string, line: number, field: string, errors: MeasurementCsvError[]): number | null {
  const text = raw.trim();
  if (!/^\d{1,9}$/.test(text)) {
    push(errors, line, field.toLowerCase(), text ? M.badCount(field, text) : M.missing(field.toLowerCase()));
    return null;
  }
  return Number(text);
}

function decode(input: Buffer | string): string {
  let text: string;
  if (typeof input === 'string') text = input.replace(/^\uFEFF/, '');
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return fail([{ line: 1, message: `Dòng 1: ${M.notUtf8}` }]);
    }
  }
  const bad = unstorableIndex(text);
  if (bad >= 0) {
    const line = text.slice(0, bad).split('\n').length;
    fail([{ line, message: `Dòng ${line}: ${M.unstorable}` }]);
  }
  return text;
}

/** Semicolon when the header line has semicolons and no comma (spreadsheets in Vietnamese locale). */
function delimiterOf(text: string): string {
  const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
  return headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
}

function readRecords(text: string, delimiter: string): RawRecord[] {
  try {
    const parsed = parse(text, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return parsed.map(({ record, info }) => ({ record, line: info.lines }));
  } catch (error: unknown) {
    const line = (error as { lines?: unknown }).lines;
    const at = typeof line === 'number' ? line : 1;
    return fail([{ line: at, message: `Dòng ${at}: ${M.malformed}` }]);
  }
}

function fail(errors: MeasurementCsvError[]): never {
  throw new DomainException(ErrorCode.ObjectiveImportInvalid, { errors });
}
