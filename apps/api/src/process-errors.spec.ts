import { EventEmitter } from 'node:events';
import { LoggerService } from '@nestjs/common';
import pino from 'pino';
import { storage, Store } from 'nestjs-pino/storage';
import { currentRequestId, installProcessErrorHandlers } from './process-errors';

function fakeLogger(): LoggerService & { lines: { level: string; message: string; trace: string }[] } {
  const lines: { level: string; message: string; trace: string }[] = [];
  const record = (level: string) => (message: unknown, trace?: unknown) =>
    void lines.push({ level, message: String(message), trace: String(trace) });
  return { lines, log: record('log'), warn: record('warn'), error: record('error'), fatal: record('fatal') };
}

/**
 * Runs `fn` as pino-http's middleware runs a request: inside a store holding the request logger,
 * which carries the request's id only (quietReqLogger, see logger.options.ts).
 */
function inRequest(id: string, fn: () => void): void {
  const requestLogger = pino({ level: 'silent' }).child({ requestId: id });
  storage.run(new Store(requestLogger), fn);
}

describe('process error handlers', () => {
  it('reads the request id from the request logger, and none outside a request', () => {
    expect(currentRequestId()).toBeUndefined();
    inRequest('req-42', () => expect(currentRequestId()).toBe('req-42'));
  });

  it('logs an unhandled rejection with its request id and keeps the process running', () => {
    const events = new EventEmitter();
    const logger = fakeLogger();
    const exit = jest.fn();
    installProcessErrorHandlers(events, { logger, exit });
    inRequest('req-7', () => events.emit('unhandledRejection', new Error('bỏ quên')));
    events.emit('unhandledRejection', 'không phải Error');
    expect(logger.lines).toEqual([
      expect.objectContaining({ level: 'error', message: expect.stringContaining('requestId req-7') }),
      expect.objectContaining({ level: 'error', message: expect.stringContaining('requestId không rõ') }),
    ]);
    expect(logger.lines[0].trace).toContain('bỏ quên');
    expect(exit).not.toHaveBeenCalled();
  });

  it('logs an uncaught exception as fatal with its request id, then exits 1', () => {
    const events = new EventEmitter();
    const logger = fakeLogger();
    const exit = jest.fn();
    installProcessErrorHandlers(events, { logger, exit });
    inRequest('req-9', () => events.emit('uncaughtException', new Error('vỡ'), 'uncaughtException'));
    expect(logger.lines).toEqual([
      expect.objectContaining({ level: 'fatal', message: expect.stringContaining('requestId req-9') }),
    ]);
    expect(logger.lines[0].trace).toContain('vỡ');
    expect(exit).toHaveBeenCalledWith(1);
  });
});
