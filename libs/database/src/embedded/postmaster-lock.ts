import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EmbeddedDatabaseError } from './embedded-database.error';
import { GUARDIAN_MARKER } from './postgres-guardian';

/** What `postmaster.pid` says about a server on this data directory. */
interface PostmasterLock {
  pid: number;
  port: number;
  /** `starting`, `ready`, `stopping` or `standby` (PostgreSQL writes it as the last line). */
  status: string;
}

function readLock(pgdata: string): PostmasterLock | null {
  const file = join(pgdata, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]), status: (lines[7] ?? '').trim() };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, owned by another account (PostgreSQL runs as `postgres` when eISO runs as root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a process, or null where it cannot be read. */
function commandLine(pid: number): string | null {
  try {
    if (process.platform === 'linux') return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    if (process.platform === 'win32') return null;
    return execFileSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function parentPid(pid: number): number | null {
  try {
    if (process.platform === 'linux') {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    }
    if (process.platform === 'win32') return null;
    return Number(execFileSync('ps', ['-p', String(pid), '-o', 'ppid='], { encoding: 'utf8' }).trim());
  } catch {
    return null;
  }
}

export class DataDirectoryInUseError extends EmbeddedDatabaseError {
  constructor(pgdata: string, lock: PostmasterLock) {
    super(
      `Cơ sở dữ liệu nhúng tại ${pgdata} đang được tiến trình khác sử dụng ` +
        `(PostgreSQL pid ${lock.pid}, cổng 127.0.0.1:${lock.port}). ` +
        'Hãy dừng tiến trình eISO đang chạy (API hoặc lệnh CLI) rồi thử lại, hoặc dùng EISO_DATA_DIR khác.',
    );
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Makes sure no server runs on `pgdata` before one is started (or a backup is taken):
 * - no `postmaster.pid`, or one whose pid is dead: free (PostgreSQL replaces a dead server's file
 *   itself and runs crash recovery);
 * - a pid that is alive but is not PostgreSQL (the pid was reused after a crash or a reboot): the
 *   stale file is removed, since PostgreSQL would otherwise refuse to start;
 * - a server starting or stopping (the guardian of an API that was just killed is shutting it down):
 *   waited for;
 * - a server whose guardian is gone (its parent is not an eISO guardian): stopped with a fast
 *   shutdown, which is safe at any time;
 * - a running, guarded server: another eISO process owns the directory — refused.
 * PostgreSQL's own lock on the directory stays the last word: a race past this check fails there.
 */
export async function claimDataDirectory(
  pgdata: string,
  log: (line: string) => void,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let warned = false;
  for (;;) {
    const lock = readLock(pgdata);
    if (!lock || !Number.isInteger(lock.pid) || lock.pid <= 0 || !isAlive(lock.pid)) return;
    const command = commandLine(lock.pid);
    if (command !== null && !/postgres/.test(command)) {
      log(`Tệp khóa postmaster.pid cũ (pid ${lock.pid} nay là tiến trình khác) đã được gỡ bỏ.`);
      rmSync(join(pgdata, 'postmaster.pid'), { force: true });
      return;
    }
    const parent = parentPid(lock.pid);
    const parentCommand = parent === null ? null : commandLine(parent);
    const orphan = parentCommand !== null && !parentCommand.includes(GUARDIAN_MARKER);
    if (lock.status === 'ready' && !orphan) throw new DataDirectoryInUseError(pgdata, lock);
    if (orphan && lock.status === 'ready') {
      log(`PostgreSQL nhúng (pid ${lock.pid}) còn chạy sau khi tiến trình eISO trước đã dừng: đang dừng nó.`);
      try {
        process.kill(lock.pid, 'SIGINT');
      } catch {
        // already gone
      }
    } else if (!warned) {
      log(
        `Đang chờ PostgreSQL nhúng của lần chạy trước dừng hẳn (pid ${lock.pid}, trạng thái ${lock.status || '?'})…`,
      );
      warned = true;
    }
    if (Date.now() > deadline) throw new DataDirectoryInUseError(pgdata, lock);
    await sleep(200);
  }
}
