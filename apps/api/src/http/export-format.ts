import { applyDecorators, StreamableFile } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  isExportFormat,
  type ReportFile,
  type ReportFormat,
} from '@eiso/reports';
import { attachmentContentDisposition } from '@eiso/storage';
import { invalidField } from './validation.pipe';

/** `?format=`: json (the default), xlsx or pdf; anything else is a 400 naming the field. */
export function parseExportFormat(value: string | undefined): ExportFormat {
  const format = value ?? 'json';
  if (!isExportFormat(format)) throw invalidField('format', 'isIn', [EXPORT_FORMATS]);
  return format;
}

/** The `format` query parameter of a register route, as OpenAPI shows it. */
export const ApiExportFormat = (): MethodDecorator =>
  applyDecorators(ApiQuery({ name: 'format', enum: EXPORT_FORMATS, required: false }));

/**
 * Streams a generated file: its media type, its length, and a Content-Disposition that carries the
 * Vietnamese file name (RFC 5987 `filename*`, with an ASCII fallback).
 */
export function sendReportFile(res: Response, file: ReportFile): StreamableFile {
  res.setHeader('Content-Type', file.mediaType);
  return new StreamableFile(file.bytes, {
    type: file.mediaType,
    disposition: attachmentContentDisposition(file.fileName),
    length: file.bytes.length,
  });
}

/**
 * One register route's answer: the rows as JSON, or the file in the format asked for. The format
 * is checked before anything is read, so a bad one costs no query.
 */
export async function answerExport<T>(
  format: string | undefined,
  res: Response,
  read: { json: () => Promise<T>; file: (format: ReportFormat) => Promise<ReportFile> },
): Promise<T | StreamableFile> {
  const chosen = parseExportFormat(format);
  if (chosen === 'json') return read.json();
  return sendReportFile(res, await read.file(chosen));
}
