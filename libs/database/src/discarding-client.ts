import { Client } from 'pg';
import { isNetworkError, markOutage } from '@eiso/common';

/** pg's message when `query_timeout` passes without an answer. */
const QUERY_READ_TIMEOUT = 'Query read timeout';

type Callback = (error: unknown, ...rest: unknown[]) => unknown;

/**
 * pg's Client, except that a query that timed out on our side (`query_timeout`) ends the connection.
 * pg itself leaves such a client looking healthy while its query is still in flight: returned to
 * the pool, the next request queues behind the lost answer, or reads it. Ending the socket makes
 * the client fail everything queued on it and report `error`, so that TypeORM releases it with
 * that error and the pool destroys it instead of handing it out again.
 * Socket failures (refused, reset, timed out) are marked as the database's outage (503).
 */
export class DiscardingClient extends Client {
  // pg's overloads cannot be restated one by one; the arguments go through untouched.
  override query(...args: unknown[]): never {
    const onError = (error: unknown): void => {
      if (error instanceof Error && error.message === QUERY_READ_TIMEOUT) this.discard();
      if (isNetworkError(error)) markOutage(error, 'database');
    };
    const result = (super.query as (...a: unknown[]) => unknown)(...withErrorHook(args, onError));
    if (result instanceof Promise) result.then(undefined, onError);
    return result as never;
  }

  override connect(...args: unknown[]): never {
    const onError = (error: unknown): void => {
      markOutage(error, 'database');
    };
    const result = (super.connect as (...a: unknown[]) => unknown)(...withErrorHook(args, onError));
    if (result instanceof Promise) result.then(undefined, onError);
    return result as never;
  }

  /** Cuts the socket: pending queries fail, the client reports `error` and is never reused. */
  discard(): void {
    (this as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  }
}

/** The arguments with a trailing callback wrapped so that `onError` sees its error first. */
function withErrorHook(args: unknown[], onError: (error: unknown) => void): unknown[] {
  const last = args[args.length - 1];
  if (typeof last !== 'function') return args;
  const wrapped: Callback = (error, ...rest) => {
    if (error) onError(error);
    return (last as Callback)(error, ...rest);
  };
  return [...args.slice(0, -1), wrapped];
}
