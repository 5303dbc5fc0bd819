import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EmbeddedDatabaseError } from './embedded-database.error';

/** The account PostgreSQL runs as: PostgreSQL refuses to run as root. */
export interface PostgresOsUser {
  name: string;
  uid: number;
  gid: number;
}

const RUN_AS = 'postgres';

function lookUp(name: string): PostgresOsUser | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { name, uid, gid };
  } catch {
    return null;
  }
}

/**
 * `null` when this process is not root: PostgreSQL then runs as the same user as eISO.
 * As root (a container, a server set up by hand) it runs as the system account `postgres`,
 * created once if the machine has none.
 */
export function postgresOsUser(log: (line: string) => void): PostgresOsUser | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const existing = lookUp(RUN_AS);
  if (existing) return existing;
  log(
    `Đang tạo tài khoản hệ thống "${RUN_AS}" để chạy PostgreSQL nhúng (PostgreSQL không chạy dưới quyền root).`,
  );
  execFileSync('useradd', [
    '--system',
    '--user-group',
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    RUN_AS,
  ]);
  const created = lookUp(RUN_AS);
  if (!created)
    throw new EmbeddedDatabaseError(`Không tạo được tài khoản hệ thống "${RUN_AS}" cho PostgreSQL nhúng.`);
  return created;
}

/** Gives the data directory to the PostgreSQL account (after a restore or a first start as root). */
export function chownTree(dir: string, user: PostgresOsUser): void {
  chownSync(dir, user.uid, user.gid);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) chownTree(path, user);
    else chownSync(path, user.uid, user.gid);
  }
}

function canReach(dir: string, user: PostgresOsUser): boolean {
  const probe = spawnSync(process.execPath, ['-e', 'require("fs").accessSync(process.argv[1], 1)', dir], {
    uid: user.uid,
    gid: user.gid,
  });
  return probe.status === 0;
}

/**
 * PostgreSQL's account must be able to pass through every folder down to the data directory.
 * The data directory itself (eISO's own, often made 0700) is opened for passing through only —
 * others still cannot list or read it; a parent folder that is closed is reported, not changed.
 */
export function assertReachable(dir: string, user: PostgresOsUser): void {
  if (canReach(dir, user)) return;
  chmodSync(dir, statSync(dir).mode | 0o001);
  if (canReach(dir, user)) return;
  throw new EmbeddedDatabaseError(
    `Tài khoản hệ thống "${user.name}" (chạy PostgreSQL nhúng) không truy cập được ${dir}. ` +
      'Hãy đặt EISO_DATA_DIR ở một thư mục mà tài khoản này đi tới được (ví dụ /var/lib/eiso), ' +
      'hoặc chạy eISO dưới một tài khoản thường thay vì root.',
  );
}
