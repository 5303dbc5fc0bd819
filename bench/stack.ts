import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { inspect } from 'node:util';
import Redis from 'ioredis';
import { Client as PgClient } from 'pg';
import { freePort, ROOT, RunningProcess, startProcess, waitForOk } from '../test/support/process';

/**
 * What the services-profile benchmarks start besides themselves (a database of their own, s3rver in
 * its own process, the built API) and the cleanup that ends all of it again, failure or not.
 */
export const PG_URL = process.env.EISO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.EISO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface BenchContext {
  /** Registers what undoes a step; undone in reverse order when the bench ends, however it ends. */
  defer(what: string, undo: () => Promise<unknown>): void;
  /** Text to print to stderr if the bench fails, e.g. the tail of a child process's output. */
  onFailure(describe: () => string): void;
}

/**
 * Runs a benchmark: on success, error (thrown, or uncaught anywhere, e.g. a closed stdout) or
 * SIGINT/SIGTERM, undoes every deferred step, then exits (1 on failure, printing what the bench
 * registered with onFailure and the error).
 */
export function runBench(main: (ctx: BenchContext) => Promise<void>): void {
  const undo: { what: string; run: () => Promise<unknown> }[] = [];
  const diagnostics: (() => string)[] = [];
  const ctx: BenchContext = {
    defer: (what, run) => undo.push({ what, run }),
    onFailure: (describe) => diagnostics.push(describe),
  };
  // stderr may be gone too (a closed pipe): what cannot be said must not stop the cleanup.
  const complain = (text: string): void => {
    try {
      process.stderr.write(text);
    } catch {
      // nothing left to tell
    }
  };
  let cleaning: Promise<void> | undefined;
  const cleanUp = (): Promise<void> =>
    (cleaning ??= (async () => {
      for (let step = undo.pop(); step; step = undo.pop()) {
        try {
          await step.run();
        } catch (error) {
          complain(`cleanup (${step.what}) failed: ${String(error)}\n`);
        }
      }
    })());
  let ending = false;
  const end = (code: number, error?: unknown): void => {
    if (ending) return;
    ending = true;
    if (error !== undefined) {
      for (const describe of diagnostics) complain(describe());
      complain(`${error instanceof Error ? (error.stack ?? error.message) : inspect(error)}\n`);
    }
    void cleanUp().then(() => process.exit(code));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      complain(`${signal}: cleaning up\n`);
      end(130);
    });
  }
  process.on('uncaughtException', (error) => end(1, error));
  main(ctx).then(
    () => end(0),
    (error: unknown) => end(1, error),
  );
}

/** SIGTERM, and SIGKILL if the process has not exited within `graceMs`. */
async function stopWithin(proc: RunningProcess, graceMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
  const outcome = await Promise.race([proc.stop(), late]);
  clearTimeout(timer);
  if (outcome === 'late') {
    proc.child.kill('SIGKILL');
    await proc.exited();
  }
}

export interface S3Endpoint {
  endpoint: string;
  accessKey: string;
  secretKey: string;
}

/** Starts bench/s3-server.process in a child process and reads its endpoint from the first line. */
export async function startS3Process(ctx: BenchContext): Promise<S3Endpoint> {
  const child = startProcess('dist-bench/bench/s3-server.process.js', {});
  ctx.defer('s3rver', () => stopWithin(child, 10_000));
  const deadline = Date.now() + 30_000;
  while (!child.output().includes('\n')) {
    if (child.child.exitCode !== null || Date.now() > deadline)
      throw new Error(`s3rver did not start:\n${child.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return JSON.parse(child.output().split('\n')[0]) as S3Endpoint;
}

/** An empty database of the bench's own on PG_URL's server, dropped at the end; returns its URL. */
export async function createDatabase(ctx: BenchContext, prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = async (sql: string): Promise<void> => {
    const pg = new PgClient({ connectionString: PG_URL });
    await pg.connect();
    try {
      await pg.query(sql);
    } finally {
      await pg.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  ctx.defer(`drop database ${name}`, () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Applies the migrations with the real migration command (the API runs them only when embedded). */
export function migrate(databaseUrl: string): void {
  execFileSync(process.execPath, [join(ROOT, 'dist/libs/database/src/cli/migrate.js')], {
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, JWT_SECRET: 'x'.repeat(40) },
  });
}

export interface BenchApi {
  /** e.g. `http://127.0.0.1:41234` */
  base: string;
  process: RunningProcess;
  /** Resolves once /health/ready answers 200. */
  ready(timeoutMs?: number): Promise<void>;
}

/**
 * The built API (`dist/apps/api/src/main.js`) as its own process on the services profile: the
 * given database, Redis under a queue prefix of its own (its keys are deleted at the end), s3rver.
 * `env` adds to or overrides the defaults.
 */
export async function startApi(
  ctx: BenchContext,
  options: { databaseUrl: string; s3: S3Endpoint; env?: Record<string, string> },
): Promise<BenchApi> {
  const port = await freePort();
  const prefix = `eiso-bench-${randomBytes(3).toString('hex')}`;
  ctx.defer(`redis keys ${prefix}*`, async () => {
    const redis = new Redis(REDIS_URL);
    try {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
    } finally {
      await redis.quit();
    }
  });
  const api = startProcess('dist/apps/api/src/main.js', {
    DATABASE_URL: options.databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    S3_ENDPOINT: options.s3.endpoint,
    S3_ACCESS_KEY: options.s3.accessKey,
    S3_SECRET_KEY: options.s3.secretKey,
    S3_BUCKET: 'eiso-bench',
    JWT_SECRET: randomBytes(32).toString('hex'),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    EISO_SCHEDULER: 'false',
    ...options.env,
  });
  // The API closes gracefully; a client still sending on a kept-alive connection (the load of a
  // bench stopped by a signal) would hold that close open forever, hence the deadline.
  ctx.defer('API process', () => stopWithin(api, 15_000));
  ctx.onFailure(() => api.output().slice(-4000));
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    process: api,
    ready: (timeoutMs = 60_000) => waitForOk(`${base}/health/ready`, api, timeoutMs),
  };
}

/** One JSON request; anything but a 2xx throws with the answer's body. */
export async function json<T>(method: string, url: string, body: object | null, token?: string): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Secondary indexes of a table (the primary key excepted), to drop before a bulk load and rebuild after. */
export async function indexDefinitions(
  pg: PgClient,
  table: string,
): Promise<{ name: string; definition: string }[]> {
  const { rows } = await pg.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename = $1 AND indexname NOT LIKE 'pk\\_%'
      ORDER BY indexname`,
    [table],
  );
  return rows.map((r) => ({ name: r.indexname, definition: r.indexdef }));
}

/**
 * Bulk loads `tables` without their secondary indexes, then builds them again exactly as the
 * migrations defined them: far faster than maintaining them row by row.
 */
export async function loadWithoutIndexes(
  pg: PgClient,
  tables: string[],
  load: () => Promise<void>,
): Promise<void> {
  const indexes = (await Promise.all(tables.map((t) => indexDefinitions(pg, t)))).flat();
  for (const { name } of indexes) await pg.query(`DROP INDEX ${name}`);
  await load();
  for (const { definition } of indexes) await pg.query(definition);
}
