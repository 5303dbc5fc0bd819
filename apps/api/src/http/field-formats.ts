import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsString,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidationOptions,
} from 'class-validator';
import { PASSWORD_PATTERN } from '@eiso/identity';
import { AGENCY_ABBREVIATION_PATTERN } from '@eiso/organizations';

/** A code unique inside an agency (mã hiệu tài liệu, mã loại hồ sơ): letters, digits, `._/-`. */
const LOCAL_CODE = /^[\p{L}\p{N}][\p{L}\p{N}._/-]{0,63}$/u;
/** A clause of TCVN ISO 9001:2015: `7`, `7.5`, `7.5.3`. */
const ISO_CLAUSE = /^\d{1,2}(\.\d{1,2}){0,3}$/;
/** A thủ tục hành chính code of the national database (`1.000948`, with its local suffix), or a local one. */
const TTHC_CODE = /^\d\.\d{6}(\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})?$|^[\w.-]{3,40}$/;
/** A login name: unaccented letters, digits, `._-`. */
const USERNAME = /^[a-zA-Z0-9._-]{3,64}$/;

/**
 * A text format with a name of its own: the name is the rule an error lists, and what the
 * message catalogue (RULE_TEXTS) explains to users with an example. A bare `Matches` has no words.
 */
const matchesFormat = (name: string, pattern: RegExp, options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    { name, validator: { validate: (value: unknown) => typeof value === 'string' && pattern.test(value) } },
    options,
  );

/**
 * Years a date may have. Dates outside overflow the calendar arithmetic (`9999-12-31` plus a
 * review interval is `+010000-…`); 2199 plus the longest retention (100 years) still has 4 digits.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** `YYYY-MM-DD` only: no week dates (`2026-W01-1`), ordinal dates, basic form (`20260101`) or signs. */
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date, `T`, hours and minutes (seconds and fractions optional), and an offset: `Z` or `±hh:mm`. */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
/** An integer as people type it in a URL: digits only, short enough to stay exact. */
const QUERY_INT = /^\d{1,15}$/;

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar date `YYYY-MM-DD` that exists, with a year from MIN_YEAR to MAX_YEAR. */
export function isCalendarDate(value: unknown): value is string {
  const m = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** An ISO 8601 timestamp with its time and offset (`2026-01-05T08:30:00+07:00`), years as for dates. */
export function isTimestamp(value: unknown): value is string {
  const m = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  const offsetOk = m[7] === undefined || (Number(m[7]) <= 14 && Number(m[8]) <= 59);
  return hour <= 23 && minute <= 59 && second <= 59 && offsetOk;
}

export const IsLocalCode = (): PropertyDecorator =>
  applyDecorators(IsString(), matchesFormat('isLocalCode', LOCAL_CODE));

/** An agency's ký hiệu in document numbers (AGENCY_ABBREVIATION_PATTERN), e.g. `STP`. */
export const IsAgencyAbbreviation = (): PropertyDecorator =>
  applyDecorators(IsString(), matchesFormat('isAgencyAbbreviation', AGENCY_ABBREVIATION_PATTERN));

export const IsIsoClause = (): PropertyDecorator =>
  applyDecorators(IsString(), matchesFormat('isIsoClause', ISO_CLAUSE));

export const IsIsoClauses = (): PropertyDecorator =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(50),
    IsString({ each: true }),
    matchesFormat('isIsoClause', ISO_CLAUSE, { each: true }),
  );

export const IsTthcCode = (): PropertyDecorator =>
  applyDecorators(IsString(), matchesFormat('isTthcCode', TTHC_CODE));

export const IsTthcCodes = (): PropertyDecorator =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(200),
    IsString({ each: true }),
    matchesFormat('isTthcCode', TTHC_CODE, { each: true }),
  );

/** What a restructuring puts before a clashing document code: letters, digits, dot, dash, underscore. */
export const IsCodePrefix = (): PropertyDecorator =>
  applyDecorators(IsString(), matchesFormat('isCodePrefix', /^[\p{L}\p{N}._-]{1,20}$/u));

export const IsUsername = (): PropertyDecorator =>
  applyDecorators(IsString(), matchesFormat('isUsername', USERNAME));

/** A new password as the policy wants it (PASSWORD_PATTERN). */
export const IsPassword = (): PropertyDecorator =>
  applyDecorators(IsString(), matchesFormat('isPassword', PASSWORD_PATTERN));

/** A text with at least one character that is not a space: "   " is refused like an empty text. */
export const IsNotBlank = (options?: ValidationOptions): PropertyDecorator =>
  matchesFormat('isNotBlank', /\S/, options);

/** The one validator of calendar dates, in bodies and query strings alike (see isCalendarDate). */
export const IsCalendarDate = (): PropertyDecorator =>
  ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate } });

/**
 * The one validator of timestamps (see isTimestamp). The property receives a Date: a valid
 * timestamp is converted while the input is read, anything else stays as sent and is refused.
 */
export const IsTimestamp = (): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (isTimestamp(value) ? new Date(value) : value)),
    ValidateBy({ name: 'isTimestamp', validator: { validate: (value: unknown) => value instanceof Date } }),
  );

/**
 * An integer query parameter between `min` and `max`. Only plain digits become a number:
 * `1e21`, `0x10`, ` 2` or 20 digits stay text and are refused, instead of overflowing an offset.
 */
export const IsQueryInt = (min: number, max: number): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && QUERY_INT.test(value) ? Number(value) : value,
    ),
    IsInt(),
    Min(min),
    Max(max),
  );

/** May be left out; a value sent, `null` included, must pass the validators that follow. */
export const IsOptionalNotNull = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);

/** May be left out, or `null` to clear it (PATCH); any other value must pass the validators that follow. */
export const IsOptionalNullable = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null);
