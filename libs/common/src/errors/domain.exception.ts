import { ErrorCode } from './error-code';

/** A rule was broken; the HTTP filter turns the code into a status and a Vietnamese message. */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'DomainException';
  }
}

/** A job failure that retrying cannot fix; the queue marks it unrecoverable. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}
