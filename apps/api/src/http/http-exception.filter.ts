import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { Request, Response } from 'express';
import { DomainException, ERROR_CATALOGUE, ErrorCode, errorMessageOf, outageServiceOf } from '@eiso/common';
import { clientErrorOf } from './client-errors';
import { assignRequestId, recordErrorCode } from './logger.options';
import { labelFieldErrors } from './validation.pipe';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
  requestId: string;
}

/** How long a client should wait before retrying after an outage (503): a restart, a failover. */
export const OUTAGE_RETRY_AFTER_SECONDS = 30;

/** Framework errors that have no domain code get one by status. */
const BY_STATUS: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.ValidationFailed,
  [HttpStatus.UNAUTHORIZED]: ErrorCode.AuthRequired,
  [HttpStatus.FORBIDDEN]: ErrorCode.Forbidden,
  [HttpStatus.NOT_FOUND]: ErrorCode.RouteNotFound,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.PayloadTooLarge,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: ErrorCode.UnsupportedMediaType,
  [HttpStatus.TOO_MANY_REQUESTS]: ErrorCode.RateLimited,
  [HttpStatus.PRECONDITION_FAILED]: ErrorCode.PreconditionFailed,
  [HttpStatus.SERVICE_UNAVAILABLE]: ErrorCode.ServiceUnavailable,
};

/** The single place where errors become HTTP: `{ code, message, details, requestId }`, message in Vietnamese. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    // The id the logger uses; errors raised before its middleware get it here, body and header alike.
    const requestId = assignRequestId(request, response);
    const classified = this.classify(exception, request);
    const { code } = classified;
    // Field errors raised outside the validation pipe (a service's own check) get their label here.
    const details =
      code === ErrorCode.ValidationFailed ? labelFieldErrors(classified.details) : classified.details;
    const { status } = ERROR_CATALOGUE[code];
    const message = errorMessageOf(code, details);
    if (status >= 500 && code !== ErrorCode.ServiceUnavailable) {
      this.logger.error(
        `Lỗi không xử lý được khi phục vụ ${request.method} ${request.originalUrl} (requestId ${requestId})`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    if (code === ErrorCode.ServiceUnavailable) {
      this.logger.warn(
        `Dịch vụ ${outageName(details)} không phản hồi khi phục vụ ` +
          `${request.method} ${request.originalUrl} (requestId ${requestId}): ${describe(exception)}`,
      );
      response.setHeader('Retry-After', String(OUTAGE_RETRY_AFTER_SECONDS));
    }
    if (code === ErrorCode.RateLimited) response.setHeader('Retry-After', '60');
    const body: ErrorBody = { code, message, ...(details ? { details } : {}), requestId };
    recordErrorCode(response, code);
    response.status(status).json(body);
  }

  private classify(
    exception: unknown,
    request: Request,
  ): { code: ErrorCode; details?: Record<string, unknown> } {
    if (exception instanceof DomainException) return { code: exception.code, details: exception.details };
    if (exception instanceof ThrottlerException) return { code: ErrorCode.RateLimited };
    if (exception instanceof HttpException) {
      const code = BY_STATUS[exception.getStatus()] ?? ErrorCode.InternalError;
      if (code === ErrorCode.RouteNotFound) return { code, details: { path: request.path } };
      if (code === ErrorCode.ValidationFailed) return { code, details: { reason: exception.message } };
      if (code === ErrorCode.ServiceUnavailable) return { code, details: toDetails(exception.getResponse()) };
      return { code };
    }
    if (isMulterLimit(exception)) return { code: ErrorCode.PayloadTooLarge };
    const client = clientErrorOf(exception);
    if (client) return { code: client.code, details: client.details };
    // PostgreSQL, S3 or Redis down, stalled or timed out: an outage to wait out, not a bug.
    const service = outageServiceOf(exception);
    if (service) return { code: ErrorCode.ServiceUnavailable, details: { service } };
    return { code: ErrorCode.InternalError };
  }
}

function outageName(details?: Record<string, unknown>): string {
  const name = details?.service ?? details?.reason;
  return typeof name === 'string' ? name : 'phụ trợ';
}

function describe(exception: unknown): string {
  return exception instanceof Error ? exception.message : String(exception);
}

function toDetails(response: string | object): Record<string, unknown> {
  return typeof response === 'object' ? (response as Record<string, unknown>) : { reason: response };
}

function isMulterLimit(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'LIMIT_FILE_SIZE';
}
