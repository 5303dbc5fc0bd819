import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  backupEmbedded,
  EmbeddedDatabaseError,
  EmbeddedPostgres,
  EmbeddedPostgresOptions,
  startEmbeddedPostgres,
} from '@eiso/database';
import { ROOT } from '../support/process';

/**
 * The embedded PostgreSQL server itself (no API): first start, the data-directory lock, crash
 * recovery, an owner or a guardian killed with SIGKILL, PGlite data, and the cold backup. Real
 * initdb and postgres processes on temporary data directories; as root they run as `postgres`.
 */

/** The built library, for the owner processes killed with SIGKILL (tests 5 and 6). */
const BUILT_DATABASE = join(ROOT, 'dist/libs/database/src/index.js');
const OWNER_SCRIPT = [
  'const { startEmbeddedPostgres } = require(process.argv[1]);',
  'startEmbeddedPostgres(process.argv[2]).then(',
  "  () => { process.stdout.write('READY\\n'); setInterval(() => undefined, 1 << 30); },",
  '  (error) => { console.error(error); process.exit(1); },',
  ');',
].join('\n');

const dirs: string[] = [];
const servers: EmbeddedPostgres[] = [];
const children: ChildProcess[] = [];
const paused: number[] = [];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh EISO_DATA_DIR (directly under the temp folder: `postgres` must be able to reach it). */
function newDataDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `eiso-pg-${label}-`));
  dirs.push(dir);
  return dir;
}

async function start(dir: string, options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const pg = await startEmbeddedPostgres(dir, options);
  servers.push(pg);
  return pg;
}

const lockFile = (dir: string): string => join(dir, 'postgres', 'postmaster.pid');
const postmasterPid = (dir: string): number => Number(readFileSync(lockFile(dir), 'utf8').split('\n')[0]);

/** State and parent pid from /proc/<pid>/stat (fields 3 and 4), or null once the pid is gone. */
function procStat(pid: number): { state: string; ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], ppid: Number(fields[1]) };
  } catch {
    return null;
  }
}

/** A zombie (an orphan nobody reaped yet) counts as gone. */
function isRunning(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== null && stat.state !== 'Z' && stat.state !== 'X';
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** Live processes whose command line names this data directory: postmasters (-D) and guardians. */
function processesUsing(dir: string): number[] {
  return allPids().filter((pid) => pid !== process.pid && isRunning(pid) && commandLine(pid).includes(dir));
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function answers(url: string): Promise<boolean> {
  return withClient(url, async (c) => (await c.query<{ one: number }>('SELECT 1 AS one')).rows[0].one === 1);
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** A separate Node process that starts the server on `dir` from dist/ and idles: its owner. */
function startOwner(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', OWNER_SCRIPT, BUILT_DATABASE, dir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`owner not ready after 60 s: ${stderr}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.includes('READY')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`owner exited (${code ?? signal}) before READY: ${stderr}`));
    });
  });
}

async function killOwner(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

describe('embedded PostgreSQL server (startEmbeddedPostgres)', () => {
  const main = newDataDir('main');

  beforeAll(() => {
    if (!existsSync(BUILT_DATABASE)) throw new Error(`${BUILT_DATABASE} is missing: run npm run build`);
  });

  afterAll(async () => {
    for (const pid of paused) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // gone
      }
    }
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await Promise.allSettled(servers.map((pg) => pg.stop()));
    // Whatever a failed test left behind on these directories: guardians and postmasters stop on SIGINT.
    for (const dir of dirs) {
      for (const pid of processesUsing(dir)) {
        try {
          process.kill(pid, 'SIGINT');
        } catch {
          // gone
        }
      }
      await waitFor(() => processesUsing(dir).length === 0, 20_000, `servers on ${dir} to stop`).catch(
        () => undefined,
      );
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('first start: initdb, password file 0600, loopback only, PostgreSQL 16 with the extensions; stop() ends it', async () => {
    const log: string[] = [];
    const onUnexpectedExit = jest.fn();
    const pg = await start(main, { log: (line) => log.push(line), onUnexpectedExit });

    expect(readFileSync(join(main, 'postgres', 'PG_VERSION'), 'utf8').trim()).toBe('16');
    expect(log.some((line) => line.includes('Đang khởi tạo cơ sở dữ liệu PostgreSQL nhúng'))).toBe(true);
    const passwordFile = join(main, 'postgres.password');
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(pg.url).toContain(`@127.0.0.1:${pg.port}/eiso`);
    expect(pg.url).toContain(encodeURIComponent(readFileSync(passwordFile, 'utf8').trim()));
    expect(pg.version).toMatch(/^PostgreSQL 16\./);
    expect(pg.dataDir).toBe(join(main, 'postgres'));

    const pid = postmasterPid(main);
    if (process.getuid?.() === 0) {
      // PostgreSQL refuses root: it runs as the system account `postgres`.
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      expect(/^Uid:\s+(\d+)/m.exec(status)?.[1]).toBe(String(uid));
    }

    await withClient(pg.url, async (client) => {
      expect((await client.query('SHOW listen_addresses')).rows[0].listen_addresses).toBe('127.0.0.1');
      expect((await client.query('SHOW server_encoding')).rows[0].server_encoding).toBe('UTF8');
      expect((await client.query('SELECT version() AS v')).rows[0].v).toMatch(/^PostgreSQL 16\./);
      for (const extension of ['unaccent', 'pg_trgm', 'btree_gin']) {
        await client.query(`CREATE EXTENSION IF NOT EXISTS ${extension}`);
      }
      const installed = await client.query<{ extname: string }>('SELECT extname FROM pg_extension');
      expect(installed.rows.map((r) => r.extname)).toEqual(
        expect.arrayContaining(['unaccent', 'pg_trgm', 'btree_gin']),
      );
      const folded = await client.query(
        `SELECT unaccent('Đắk Hà') AS u, similarity('Kon Tum', 'Kon Tum') AS s`,
      );
      expect(folded.rows[0]).toEqual({ u: 'Dak Ha', s: 1 });
      await client.query('CREATE TABLE gin_probe (agency_id int, name text)');
      await client.query('CREATE INDEX gin_probe_idx ON gin_probe USING gin (agency_id, name gin_trgm_ops)');
    });

    await pg.stop();
    expect(existsSync(lockFile(main))).toBe(false);
    expect(isRunning(pid)).toBe(false);
    expect(await canConnect(pg.url)).toBe(false);
    expect(onUnexpectedExit).not.toHaveBeenCalled();
  }, 90_000);

  it('refuses a second start on a directory whose server is running (DataDirectoryInUseError)', async () => {
    const pg = await start(main);
    const pid = postmasterPid(main);
    const refused = await startEmbeddedPostgres(main).then(
      () => null,
      (e: Error) => e,
    );
    // A reason the user can act on: main.ts prints these without a stack trace.
    expect(refused).toBeInstanceOf(EmbeddedDatabaseError);
    expect(refused!.message).toContain('đang được tiến trình khác sử dụng');
    expect(refused!.message).toContain(`PostgreSQL pid ${pid}`);
    // The running server is untouched.
    expect(postmasterPid(main)).toBe(pid);
    expect(await answers(pg.url)).toBe(true);
    await pg.stop();
    expect(existsSync(lockFile(main))).toBe(false);
  }, 60_000);

  it('removes a stale postmaster.pid whose pid now belongs to another program, and starts', async () => {
    expect(existsSync(lockFile(main))).toBe(false);
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    children.push(sleeper);
    const stalePid = sleeper.pid!;
    const pgdata = join(main, 'postgres');
    writeFileSync(
      lockFile(main),
      `${stalePid}\n${pgdata}\n${Math.floor(Date.now() / 1000)}\n54321\n\n127.0.0.1\n  5432001  42\nready\n`,
    );

    const log: string[] = [];
    const pg = await start(main, { log: (line) => log.push(line) });
    expect(log.some((line) => line.includes(`pid ${stalePid}`) && line.includes('đã được gỡ bỏ'))).toBe(true);
    // The program that reused the pid was left alone.
    expect(isRunning(stalePid)).toBe(true);
    expect(postmasterPid(main)).not.toBe(stalePid);
    expect(await answers(pg.url)).toBe(true);
    await pg.stop();
    sleeper.kill('SIGKILL');
  }, 60_000);

  describe('after a crash', () => {
    const dir = newDataDir('crash');

    it('reports the dead server, and the next start recovers every committed row', async () => {
      const onUnexpectedExit = jest.fn();
      const pg = await start(dir, { onUnexpectedExit });
      await withClient(pg.url, async (client) => {
        await client.query('CREATE TABLE crash_probe (id int PRIMARY KEY, note text)');
        await client.query('BEGIN');
        await client.query(`INSERT INTO crash_probe VALUES (1, 'đã ghi')`);
        await client.query('COMMIT');
      });

      const pid = postmasterPid(dir);
      process.kill(pid, 'SIGKILL');
      await waitFor(() => !isRunning(pid), 10_000, 'the killed postmaster to end');
      await waitFor(() => onUnexpectedExit.mock.calls.length > 0, 10_000, 'onUnexpectedExit');
      expect(onUnexpectedExit).toHaveBeenCalledTimes(1);
      expect(String(onUnexpectedExit.mock.calls[0][0])).toContain('dừng bất thường');
      await pg.stop(); // the dead instance's stop() resolves

      const again = await start(dir);
      const rows = await withClient(
        again.url,
        async (c) => (await c.query<{ id: number; note: string }>('SELECT id, note FROM crash_probe')).rows,
      );
      expect(rows).toEqual([{ id: 1, note: 'đã ghi' }]);
      await again.stop();
      expect(existsSync(lockFile(dir))).toBe(false);
    }, 90_000);

    it('retries while processes of the killed server still hold its shared memory', async () => {
      const pg = await start(dir);
      const pid = postmasterPid(dir);
      // Freeze the server's own processes so they outlive the postmaster attached to its shared memory.
      const workers = allPids().filter(
        (p) => procStat(p)?.ppid === pid && /checkpointer|background writer|walwriter/.test(commandLine(p)),
      );
      expect(workers.length).toBe(3);
      for (const worker of workers) {
        process.kill(worker, 'SIGSTOP');
        paused.push(worker);
      }
      process.kill(pid, 'SIGKILL');
      await waitFor(() => !isRunning(pid), 10_000, 'the killed postmaster to end');
      await pg.stop();
      // They notice the postmaster's death and leave once resumed, a second into the next start.
      const resume = setTimeout(() => {
        for (const worker of workers) process.kill(worker, 'SIGCONT');
      }, 1_000);
      try {
        const again = await start(dir);
        expect(workers.filter(isRunning)).toEqual([]);
        const rows = await withClient(
          again.url,
          async (c) => (await c.query<{ id: number }>('SELECT id FROM crash_probe')).rows,
        );
        expect(rows).toEqual([{ id: 1 }]);
        await again.stop();
      } finally {
        clearTimeout(resume);
      }
    }, 90_000);
  });

  it('starts right after the owning process was killed (its guardian stops the old server)', async () => {
    const dir = newDataDir('owner');
    const owner = await startOwner(dir);
    const oldPostmaster = postmasterPid(dir);
    const guardian = procStat(oldPostmaster)!.ppid;
    expect(commandLine(guardian)).toContain('eiso-postgres-guardian');

    await killOwner(owner);
    const startedAt = Date.now();
    const pg = await start(dir);
    expect(Date.now() - startedAt).toBeLessThan(30_000);
    expect(isRunning(oldPostmaster)).toBe(false);
    expect(isRunning(guardian)).toBe(false);
    expect(postmasterPid(dir)).not.toBe(oldPostmaster);
    expect(await answers(pg.url)).toBe(true);

    await pg.stop();
    expect(existsSync(lockFile(dir))).toBe(false);
    expect(processesUsing(dir)).toEqual([]);
  }, 90_000);

  it('stops an orphaned server (owner and guardian both killed) and starts', async () => {
    const dir = newDataDir('orphan');
    const owner = await startOwner(dir);
    const oldPostmaster = postmasterPid(dir);
    const guardian = procStat(oldPostmaster)!.ppid;
    expect(commandLine(guardian)).toContain('eiso-postgres-guardian');

    // The guardian first, so it has no chance to stop the server when the owner's pipe closes.
    process.kill(guardian, 'SIGKILL');
    await waitFor(() => !isRunning(guardian), 10_000, 'the guardian to end');
    await killOwner(owner);
    expect(isRunning(oldPostmaster)).toBe(true);
    expect(procStat(oldPostmaster)!.ppid).not.toBe(guardian);

    const log: string[] = [];
    const pg = await start(dir, { log: (line) => log.push(line) });
    expect(
      log.some(
        (line) =>
          line.includes(`pid ${oldPostmaster}`) &&
          line.includes('còn chạy sau khi tiến trình eISO trước đã dừng'),
      ),
    ).toBe(true);
    expect(isRunning(oldPostmaster)).toBe(false);
    expect(postmasterPid(dir)).not.toBe(oldPostmaster);
    expect(await answers(pg.url)).toBe(true);

    await pg.stop();
    expect(existsSync(lockFile(dir))).toBe(false);
    expect(processesUsing(dir)).toEqual([]);
  }, 90_000);

  it('refuses a data directory written by PGlite and says how to carry the data over', async () => {
    const dir = newDataDir('pglite');
    mkdirSync(join(dir, 'pglite'));
    writeFileSync(join(dir, 'pglite', 'PG_VERSION'), '17\n');

    const error = await startEmbeddedPostgres(dir).then(
      () => null,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toContain('PGlite');
    expect(error!.message).toContain('load-sql');
    expect(existsSync(join(dir, 'postgres'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['pglite']);
  }, 60_000);

  it('backup: refused while the server runs, needs an empty target outside the data directory', async () => {
    const log = (): void => undefined;
    const pg = await start(main);
    const target = join(newDataDir('backup'), 'copy');
    await expect(backupEmbedded(main, target, log)).rejects.toThrow('đang được tiến trình khác sử dụng');
    expect(existsSync(target)).toBe(false);
    await pg.stop();

    const busy = newDataDir('busy');
    writeFileSync(join(busy, 'keep.txt'), 'giữ nguyên');
    await expect(backupEmbedded(main, busy, log)).rejects.toThrow('đã có dữ liệu');
    expect(readdirSync(busy)).toEqual(['keep.txt']);

    await expect(backupEmbedded(main, join(main, 'sao-luu'), log)).rejects.toThrow('ngoài EISO_DATA_DIR');
    expect(existsSync(join(main, 'sao-luu'))).toBe(false);

    // Stopped, into an empty folder: a copy without the lock file.
    const manifest = await backupEmbedded(main, target, log);
    expect(manifest.postgresMajor).toBe(16);
    expect(existsSync(join(target, 'postgres', 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(target, 'postgres.password'))).toBe(true);
    expect(existsSync(join(target, 'eiso-backup.json'))).toBe(true);
    expect(existsSync(join(target, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 60_000);
});
