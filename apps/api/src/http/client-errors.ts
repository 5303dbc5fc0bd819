import { HttpStatus } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { DomainException, ErrorCode } from '@eiso/common';

/** Body parser errors by their `type`: size, encoding and syntax, each with its own code. */
const BY_TYPE: Partial<Record<string, ErrorCode>> = {
  'entity.too.large': ErrorCode.RequestBodyTooLarge,
  'parameters.too.many': ErrorCode.RequestBodyTooLarge,
  'encoding.unsupported': ErrorCode.RequestEncodingUnsupported,
  'charset.unsupported': ErrorCode.RequestEncodingUnsupported,
  'entity.parse.failed': ErrorCode.RequestBodyMalformed,
  'request.aborted': ErrorCode.RequestBodyMalformed,
  'request.size.invalid': ErrorCode.RequestBodyMalformed,
};

/** A client error without a known `type` (e.g. a corrupt gzip stream) keeps its status. */
const BY_STATUS: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.RequestBodyMalformed,
  [HttpStatus.FORBIDDEN]: ErrorCode.Forbidden,
  [HttpStatus.NOT_FOUND]: ErrorCode.RouteNotFound,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.RequestBodyTooLarge,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: ErrorCode.RequestEncodingUnsupported,
};

/** The fields safe to show; never `body`, which holds what the client sent (a password, say). */
const SHOWN = ['type', 'limit', 'encoding', 'charset'] as const;

interface HttpError {
  status?: unknown;
  expose?: unknown;
  type?: unknown;
  limit?: unknown;
  encoding?: unknown;
  charset?: unknown;
}

/**
 * Errors of express and its body parsers (http-errors) are no HttpExceptions: they carry a 4xx
 * `status`, `expose: true` and a `type`. They are the client's fault: answers the domain error
 * they stand for, or null for anything else (which stays a 500).
 */
export function clientErrorOf(error: unknown): DomainException | null {
  if (typeof error !== 'object' || error === null || error instanceof DomainException) return null;
  const e = error as HttpError;
  if (typeof e.status !== 'number' || e.status < 400 || e.status > 499 || e.expose !== true) return null;
  const code =
    (typeof e.type === 'string' ? BY_TYPE[e.type] : undefined) ??
    BY_STATUS[e.status] ??
    ErrorCode.ValidationFailed;
  const details: Record<string, unknown> = {};
  for (const key of SHOWN) {
    const value = e[key];
    if (typeof value === 'string' || typeof value === 'number') details[key] = value;
  }
  return new DomainException(code, Object.keys(details).length > 0 ? details : undefined);
}

/**
 * Express error middleware mounted right after the body parsers. Nest turns a SyntaxError (a JSON
 * body that does not parse) into a bare 400 before HttpExceptionFilter could read its `type`.
 */
export function translateClientErrors(
  error: unknown,
  _req: Request,
  _res: Response,
  next: NextFunction,
): void {
  next(clientErrorOf(error) ?? error);
}
