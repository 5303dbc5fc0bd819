import { DataSource, QueryFailedError, QueryRunner } from 'typeorm';
import { isNetworkError } from '@eiso/common';

/** Statements that change nothing: safe to send again when the first try never reached a live server. */
const SAFE_FIRST_STATEMENT = /^\s*(START TRANSACTION|BEGIN|SELECT)\b/i;

/** SQLSTATEs of a session the server ended (shutdown, restart, terminate) or could not start. */
const SESSION_ENDED_CODES = new Set(['57P01', '57P02', '57P03']);
const CONNECTION_LOST_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
];

/**
 * The connection died under the statement (not: the statement failed, or timed out; not: no
 * connection could be opened). A statement timeout, a stalled server, a refused connection are
 * not retried: a second try would only wait or fail as long again.
 */
export function isLostConnection(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const cause: unknown = error.driverError;
  if (isNetworkError(cause) && (cause as { code?: string }).code !== 'ETIMEDOUT') return true;
  const { code, message } = (cause ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (SESSION_ENDED_CODES.has(code) || /^08/.test(code))) return true;
  return typeof message === 'string' && CONNECTION_LOST_MESSAGES.some((m) => message.startsWith(m));
}

/** TypeORM's PostgresQueryRunner internals that a retry must reset to take another connection. */
interface PostgresRunnerState {
  isReleased: boolean;
  databaseConnection?: unknown;
  databaseConnectionPromise?: unknown;
  releasePostgresConnection(error?: unknown): Promise<void>;
}

/**
 * A pooled connection can die while it sits idle (a restarted server, a terminated session, a cut
 * link) and be handed out before its death is read off the socket: the first statement then fails
 * although nothing is wrong any more. So each query runner's first statement, when it is a read
 * or the START TRANSACTION of a transaction (nothing ran yet), is sent once more on a fresh
 * connection after a lost-connection error; the dead one is released with the error, which makes
 * the pool destroy it. The next idle connection may have died with it (a restart ends them all),
 * so this goes on while connections are found dead, at most once per connection of the pool.
 * Anything later in a transaction is never retried: the server rolls its work back, and the caller
 * gets the error (503).
 */
export function retryFirstStatementOnLostConnection(dataSource: DataSource): DataSource {
  const driver = dataSource.driver;
  const poolSize = (dataSource.options.extra as { max?: number } | undefined)?.max ?? 10;
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode): QueryRunner => {
    const runner = createQueryRunner(mode);
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    let first = true;
    runner.query = (async (sql: string, ...rest: unknown[]): Promise<unknown> => {
      const retryable = first && SAFE_FIRST_STATEMENT.test(sql);
      first = false;
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await query(sql, ...rest);
        } catch (error) {
          if (!retryable || attempt >= poolSize || !isLostConnection(error)) throw error;
          const state = runner as unknown as PostgresRunnerState;
          await state.releasePostgresConnection(error);
          state.isReleased = false;
          state.databaseConnection = undefined;
          state.databaseConnectionPromise = undefined;
        }
      }
    }) as QueryRunner['query'];
    return runner;
  };
  return dataSource;
}
