import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@eiso/migrations';
import { DiscardingClient } from './discarding-client';

export const MIGRATIONS_TABLE = 'schema_migrations';

/**
 * How long a connection may wait for PostgreSQL, in milliseconds; 0 means no limit. Every pool
 * says its own explicitly: requests get short bounds, long legitimate work (migrations, a restore,
 * a job over a million rows) gets its own.
 */
export interface DatabaseTimeouts {
  /** Opening a connection (TCP, TLS, authentication), and waiting for a free one in the pool. */
  connectMs: number;
  /** Server side: a statement running longer is cancelled (`statement_timeout`). */
  statementMs: number;
  /**
   * Client side: no answer to a query for this long and the connection is given up and discarded.
   * The only bound when the server or the network stalls (a cancelled statement never answers).
   */
  queryMs: number;
  /** Server side: a transaction left open and idle this long is ended with its session. */
  idleInTransactionMs: number;
}

/** The request bounds when none are configured (see AppConfig for the settings). */
export const REQUEST_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 5_000,
  statementMs: 30_000,
  queryMs: 35_000,
  idleInTransactionMs: 60_000,
};

/** Migrations, restores, loads of a dump: no statement limit, they take as long as they take. */
export const LONG_WORK_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 30_000,
  statementMs: 0,
  queryMs: 0,
  idleInTransactionMs: 0,
};

/** First TCP keepalive probe after this much silence: a peer gone without a word is noticed. */
const KEEPALIVE_INITIAL_DELAY_MS = 10_000;
/** An idle pooled connection is closed after this long (a firewall may drop it silently before). */
const IDLE_CONNECTION_MS = 30_000;

/** Connection options shared by the app, the migration command and the tests. Never synchronize. */
export function dataSourceOptions(
  url: string,
  poolSize = 10,
  timeouts: DatabaseTimeouts = REQUEST_TIMEOUTS,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    installExtensions: false,
    // Passed to pg's Pool, which passes them to each Client.
    extra: {
      max: poolSize,
      // A connection that failed, or whose query timed out, is destroyed instead of reused.
      Client: DiscardingClient,
      connectionTimeoutMillis: timeouts.connectMs,
      statement_timeout: timeouts.statementMs,
      query_timeout: timeouts.queryMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
      keepAlive: true,
      keepAliveInitialDelayMillis: KEEPALIVE_INITIAL_DELAY_MS,
      idleTimeoutMillis: IDLE_CONNECTION_MS,
    },
  };
}
