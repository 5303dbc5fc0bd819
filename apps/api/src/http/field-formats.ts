import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsISO8601, IsString, Matches } from 'class-validator';

/** A code unique inside an agency (mã hiệu tài liệu, mã loại hồ sơ): letters, digits, `._/-`. */
const LOCAL_CODE = /^[\p{L}\p{N}][\p{L}\p{N}._/-]{0,63}$/u;
/** A clause of TCVN ISO 9001:2015: `7`, `7.5`, `7.5.3`. */
const ISO_CLAUSE = /^\d{1,2}(\.\d{1,2}){0,3}$/;
/** A thủ tục hành chính code of the national database (`1.000948`, with its local suffix), or a local one. */
const TTHC_CODE = /^\d\.\d{6}(\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})?$|^[\w.-]{3,40}$/;
/** A calendar date, `YYYY-MM-DD`, that exists. */
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const IsLocalCode = (): PropertyDecorator => applyDecorators(IsString(), Matches(LOCAL_CODE));

export const IsIsoClause = (): PropertyDecorator => applyDecorators(IsString(), Matches(ISO_CLAUSE));

export const IsIsoClauses = (): PropertyDecorator =>
  applyDecorators(IsArray(), ArrayMaxSize(50), IsString({ each: true }), Matches(ISO_CLAUSE, { each: true }));

export const IsTthcCode = (): PropertyDecorator => applyDecorators(IsString(), Matches(TTHC_CODE));

export const IsTthcCodes = (): PropertyDecorator =>
  applyDecorators(IsArray(), ArrayMaxSize(200), IsString({ each: true }), Matches(TTHC_CODE, { each: true }));

export const IsCalendarDate = (): PropertyDecorator =>
  applyDecorators(Matches(CALENDAR_DATE), IsISO8601({ strict: true }));
