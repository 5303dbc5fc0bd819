import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { startSmtpServer, TestSmtpServer } from '../../notifications/smtp-test-server';
import { createTestDatabase, TestDatabase } from '../../support/database';
import { freePort, ROOT, RunningProcess, startProcess, waitForOk } from '../../support/process';
import { deleteQueueKeys } from '../../support/queue-helpers';
import { startTcpProxy, TcpProxy } from '../../support/tcp-proxy';
import { ChildService, redisService, S3RVER_CREDENTIAL, s3rverService } from './child-services';

export const ADMIN_PASSWORD = 'Admin-Faults-2026';
export const USER_PASSWORD = 'MatKhau-Faults-123';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The build the processes run: this checkout's dist/, or another build (e.g. of an older commit) to compare. */
const DIST = process.env.EISO_FAULTS_DIST ? relative(ROOT, process.env.EISO_FAULTS_DIST) : 'dist';

export interface FaultUser {
  id: string;
  username: string;
  auth: string;
}

/**
 * Everything a fault scenario breaks, each a process or a socket of its own: redis-server and
 * s3rver as children, a TCP proxy in front of PostgreSQL (the API and worker connect through it),
 * and the built API and worker as children. Nothing is shared with other suites: own ports, own
 * database, own bucket directory, own queue prefix.
 */
export class FaultHarness {
  db!: TestDatabase;
  sqlClient!: Client;
  redis!: ChildService;
  s3!: ReturnType<typeof s3rverService>;
  pg!: TcpProxy;
  smtp!: TestSmtpServer;
  api: RunningProcess | null = null;
  worker: RunningProcess | null = null;
  apiPort = 0;
  readonly prefix = `eiso-faults-${randomBytes(4).toString('hex')}`;
  readonly bucket = `eiso-faults-${randomBytes(4).toString('hex')}`;
  private readonly jwtSecret = randomBytes(32).toString('hex');
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'eiso-faults-data-'));
  private readonly logs: string[] = [];

  constructor(private readonly extraEnv: Record<string, string> = {}) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.apiPort}`;
  }

  get redisUrl(): string {
    return `redis://127.0.0.1:${this.redis.port}`;
  }

  async start(): Promise<void> {
    this.db = await createTestDatabase();
    this.sqlClient = new Client({ connectionString: this.db.url });
    await this.sqlClient.connect();
    this.redis = redisService(await freePort());
    this.s3 = s3rverService(await freePort());
    await Promise.all([this.redis.start(), this.s3.start()]);
    const pgUrl = new URL(this.db.url);
    this.pg = await startTcpProxy(pgUrl.hostname, Number(pgUrl.port || 5432));
    this.smtp = await startSmtpServer();
    this.apiPort = await freePort();
    await this.startApi();
    await this.startWorker();
  }

  /** The settings of both processes: PostgreSQL through the proxy, the child Redis and s3rver. */
  env(): Record<string, string> {
    const url = new URL(this.db.url);
    url.host = this.pg.address;
    return {
      NODE_ENV: 'production',
      DATABASE_URL: url.toString(),
      DATABASE_POOL_SIZE: '5',
      REDIS_URL: this.redisUrl,
      QUEUE_PREFIX: this.prefix,
      S3_ENDPOINT: `http://127.0.0.1:${this.s3.port}`,
      S3_ACCESS_KEY: S3RVER_CREDENTIAL,
      S3_SECRET_KEY: S3RVER_CREDENTIAL,
      S3_BUCKET: this.bucket,
      S3_PART_SIZE_MB: '5',
      JWT_SECRET: this.jwtSecret,
      EISO_ADMIN_PASSWORD: ADMIN_PASSWORD,
      EISO_DEMO_SEED: 'false',
      EISO_SCHEDULER: 'false',
      EISO_DATA_DIR: this.dataDir,
      SMTP_URL: this.smtp.url,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      SHUTDOWN_TIMEOUT_MS: '1000',
      HOST: '127.0.0.1',
      ...this.extraEnv,
    };
  }

  async startApi(): Promise<void> {
    const api = startProcess(`${DIST}/apps/api/src/main.js`, { ...this.env(), PORT: String(this.apiPort) });
    this.api = api;
    await waitForOk(`${this.baseUrl}/health/live`, api, 60_000);
  }

  async startWorker(): Promise<void> {
    const worker = startProcess(`${DIST}/apps/worker/src/main.js`, this.env());
    this.worker = worker;
    const deadline = Date.now() + 60_000;
    while (!worker.output().includes('đã sẵn sàng nhận công việc')) {
      if (worker.child.exitCode !== null) throw new Error(`worker exited:\n${worker.output()}`);
      if (Date.now() > deadline) throw new Error(`worker not ready:\n${worker.output()}`);
      await sleep(100);
    }
  }

  /** SIGKILL: no shutdown hook runs, as when the machine loses power. */
  async killApi(): Promise<void> {
    await killProcess(this.api);
    if (this.api) this.logs.push(`--- API (killed) ---\n${this.api.output()}`);
    this.api = null;
  }

  async killWorker(): Promise<void> {
    await killProcess(this.worker);
    if (this.worker) this.logs.push(`--- worker (killed) ---\n${this.worker.output()}`);
    this.worker = null;
  }

  /** The output of every API and worker process so far, for a failing assertion's message. */
  output(): string {
    return [
      ...this.logs,
      `--- API ---\n${this.api?.output() ?? ''}`,
      `--- worker ---\n${this.worker?.output() ?? ''}`,
    ]
      .join('\n')
      .slice(-20_000);
  }

  sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.sqlClient.query(query, params).then((r) => r.rows as T[]);
  }

  async stop(): Promise<void> {
    await Promise.all([killProcess(this.api), killProcess(this.worker)]);
    this.pg?.resume();
    this.redis?.thaw();
    this.s3?.thaw();
    await Promise.all([this.redis?.kill(), this.s3?.kill()]);
    await this.pg?.close();
    await this.smtp?.stop();
    await this.sqlClient?.end().catch(() => undefined);
    await this.db?.drop();
    this.s3?.remove();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Inserts accounts whose password is their own (signing allowed), then logs them in. */
  async newUser(
    roles: string[],
    agencyId: string | null,
    orgUnitId: string | null = null,
  ): Promise<FaultUser> {
    const id = randomUUID();
    const username = `u${randomBytes(5).toString('hex')}`;
    this.hash ??= argon2.hash(USER_PASSWORD, { type: argon2.argon2id });
    await this.sql(
      `INSERT INTO app_user (id, username, full_name, email, position, agency_id, org_unit_id, roles, active,
         password_hash, password_changed_at, must_change_password, created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, 'Chuyên viên', $5, $6, $7, true, $8, now(), false, now(), now(), 1)`,
      [
        id,
        username,
        `Người thử ${username}`,
        `${username}@eiso.local`,
        agencyId,
        orgUnitId,
        roles,
        await this.hash,
      ],
    );
    return { id, username, auth: await this.login(username, USER_PASSWORD) };
  }

  private hash?: Promise<string>;

  async login(username: string, password: string): Promise<string> {
    const res = await this.request('POST', '/api/v1/auth/login', { body: { username, password } });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return `Bearer ${(res.body as { accessToken: string }).accessToken}`;
  }

  /** One request with a bounded wait; `ms` is how long it took to answer. */
  async request(
    method: string,
    path: string,
    options: { auth?: string; body?: unknown; form?: FormData; timeoutMs?: number } = {},
  ): Promise<{
    status: number;
    body: Record<string, unknown>;
    headers: Headers;
    ms: number;
    bytes?: Buffer;
  }> {
    const started = Date.now();
    const headers: Record<string, string> = {};
    if (options.auth) headers.authorization = options.auth;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.form ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    const ms = Date.now() - started;
    let body: Record<string, unknown> = {};
    if (res.headers.get('content-type')?.includes('json')) body = JSON.parse(bytes.toString('utf8'));
    return { status: res.status, body, headers: res.headers, ms, bytes };
  }

  /** Deletes this suite's BullMQ keys (on a Redis that still runs). */
  async dropQueueKeys(): Promise<void> {
    if (this.redis?.running) await deleteQueueKeys(this.redisUrl, this.prefix).catch(() => undefined);
  }
}

async function killProcess(proc: RunningProcess | null): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGKILL');
  await Promise.race([proc.exited(), sleep(5_000)]);
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes; returns the last value. */
export async function eventually<T>(
  check: () => T | Promise<T>,
  timeoutMs: number,
  stepMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await check();
  while (!value && Date.now() < deadline) {
    await sleep(stepMs);
    value = await check();
  }
  return value;
}

/** `promise`, or a failure naming `label` once `ms` pass: no step of a scenario waits forever. */
export async function within<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: no result within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
