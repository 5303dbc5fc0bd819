import { Logger, LoggerService } from '@nestjs/common';
import { storage } from 'nestjs-pino/storage';

/** The part of `process` the handlers attach to (a plain EventEmitter in the unit test). */
export interface ProcessEvents {
  on(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export interface ProcessErrorOptions {
  logger?: LoggerService;
  exit?: (code: number) => void;
}

/**
 * The id of the request whose work raised the error, as its request logger carries it; undefined
 * outside a request, or where Node lost the async context (e.g. events of a socket that closed).
 */
export function currentRequestId(): string | undefined {
  const bindings = storage.getStore()?.logger.bindings() as
    { req?: { id?: unknown }; requestId?: unknown } | undefined;
  const id = bindings?.req?.id ?? bindings?.requestId;
  return typeof id === 'string' && id ? id : undefined;
}

function describe(reason: unknown): string {
  return reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
}

/**
 * A last record, not a defence: every error of a request must reach its own handler (the
 * exception filter, the multipart reader), and a test drives each known path. These make an
 * escape visible, with its request id when known. A rejection nobody handled is logged and the
 * process goes on: the chain that dropped it has already unwound. An uncaught exception stopped
 * a callback half-way, leaving state nobody can vouch for, so the process logs it and exits 1 for
 * its supervisor (systemd, Docker, the Windows service) to start a clean one.
 */
export function installProcessErrorHandlers(target: ProcessEvents, options: ProcessErrorOptions = {}): void {
  const logger = options.logger ?? new Logger('Process');
  const exit = options.exit ?? ((code: number) => process.exit(code));
  target.on('unhandledRejection', (reason) => {
    logger.error(
      `Promise bị từ chối mà không nơi nào xử lý (requestId ${currentRequestId() ?? 'không rõ'})`,
      describe(reason),
    );
  });
  target.on('uncaughtException', (error, origin) => {
    const message = `Lỗi không được bắt (${origin}, requestId ${currentRequestId() ?? 'không rõ'}): eISO API dừng để khởi động lại`;
    if (logger.fatal) logger.fatal(message, describe(error));
    else logger.error(message, describe(error));
    exit(1);
  });
}
