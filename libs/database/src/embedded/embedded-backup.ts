import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { EmbeddedDatabaseError } from './embedded-database.error';
import { clusterMajorVersion, embeddedLayout, isInitialised } from './data-directory';
import { claimDataDirectory } from './postmaster-lock';

/** Written beside the copied data; a restore reads it before touching anything. */
export const BACKUP_MANIFEST = 'eiso-backup.json';
const PRE_RESTORE_PREFIX = 'truoc-khoi-phuc-';

interface BackupManifest {
  format: 1;
  createdAt: string;
  postgresMajor: number;
  source: string;
  entries: string[];
}

/** Files that describe a running server or a start, not data: never copied. */
function isTransient(root: string, path: string): boolean {
  const rel = relative(root, path).split(/[\\/]/);
  if (rel.length === 1 && (rel[0] === 'postgres-start.log' || rel[0].startsWith(PRE_RESTORE_PREFIX)))
    return true;
  if (rel[0] === 'postgres' && rel.length === 2)
    return rel[1] === 'postmaster.pid' || rel[1] === 'postmaster.opts';
  return false;
}

function assertEmptyTarget(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new EmbeddedDatabaseError(
      `Thư mục sao lưu ${dir} đã có dữ liệu: hãy chọn một thư mục mới hoặc rỗng.`,
    );
  }
}

/**
 * A cold copy of the whole embedded data directory — database cluster, files, signing secret and
 * database password — taken while no server runs on it: PostgreSQL documents a file-system copy
 * of a cleanly stopped cluster as a consistent backup, and the files are copied at the same
 * instant of the data. The API must be stopped; a server that starts during the copy voids it.
 */
export async function backupEmbedded(
  dataDir: string,
  target: string,
  log: (line: string) => void,
): Promise<BackupManifest> {
  const layout = embeddedLayout(dataDir);
  const dest = resolve(target);
  if (!isInitialised(layout))
    throw new EmbeddedDatabaseError(`Không có cơ sở dữ liệu nhúng nào tại ${layout.pgdata} để sao lưu.`);
  if (dest === layout.root || dest.startsWith(`${layout.root}/`)) {
    throw new EmbeddedDatabaseError('Thư mục sao lưu phải nằm ngoài EISO_DATA_DIR.');
  }
  assertEmptyTarget(dest);
  await claimDataDirectory(layout.pgdata, log, 30_000);
  mkdirSync(dest, { recursive: true });
  const entries = readdirSync(layout.root).filter(
    (name) => !isTransient(layout.root, join(layout.root, name)),
  );
  try {
    for (const name of entries) {
      cpSync(join(layout.root, name), join(dest, name), {
        recursive: true,
        preserveTimestamps: true,
        filter: (src) => !isTransient(layout.root, src),
      });
    }
  } catch (error) {
    // A half-written backup must not look like a backup.
    rmSync(dest, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(join(layout.pgdata, 'postmaster.pid'))) {
    rmSync(dest, { recursive: true, force: true });
    throw new EmbeddedDatabaseError(
      'Một tiến trình eISO đã khởi động trong lúc sao lưu: bản sao lưu bị hủy, hãy dừng API và chạy lại.',
    );
  }
  const manifest: BackupManifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    postgresMajor: clusterMajorVersion(layout),
    source: layout.root,
    entries,
  };
  writeFileSync(join(dest, BACKUP_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function readManifest(dir: string): BackupManifest {
  const file = join(dir, BACKUP_MANIFEST);
  if (!existsSync(file))
    throw new EmbeddedDatabaseError(`${dir} không phải bản sao lưu eISO (thiếu ${BACKUP_MANIFEST}).`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== 1 || !existsSync(join(dir, 'postgres', 'PG_VERSION'))) {
    throw new EmbeddedDatabaseError(`Bản sao lưu ${dir} không hợp lệ hoặc không đầy đủ.`);
  }
  return manifest;
}

/**
 * Puts a backup back. What the data directory held is moved aside to
 * `truoc-khoi-phuc-<time>/` first, so a restore never destroys the only copy of anything.
 * Returns that folder (null when the directory was empty).
 */
export async function restoreEmbedded(
  dataDir: string,
  source: string,
  log: (line: string) => void,
): Promise<string | null> {
  const layout = embeddedLayout(dataDir);
  const from = resolve(source);
  const manifest = readManifest(from);
  const backupMajor = Number(readFileSync(join(from, 'postgres', 'PG_VERSION'), 'utf8').trim());
  if (backupMajor !== manifest.postgresMajor)
    throw new EmbeddedDatabaseError(`Bản sao lưu ${from} không nhất quán (PG_VERSION).`);
  mkdirSync(layout.root, { recursive: true });
  if (isInitialised(layout)) await claimDataDirectory(layout.pgdata, log, 30_000);
  const current = readdirSync(layout.root).filter((name) => !name.startsWith(PRE_RESTORE_PREFIX));
  let aside: string | null = null;
  if (current.length > 0) {
    aside = join(layout.root, `${PRE_RESTORE_PREFIX}${new Date().toISOString().replace(/[:.]/g, '-')}`);
    mkdirSync(aside);
    for (const name of current) renameSync(join(layout.root, name), join(aside, name));
  }
  for (const name of readdirSync(from)) {
    if (name === BACKUP_MANIFEST) continue;
    cpSync(join(from, name), join(layout.root, name), { recursive: true, preserveTimestamps: true });
  }
  // PostgreSQL refuses a data directory others can read; the owner is set again at start.
  chmodSync(layout.pgdata, 0o700);
  if (statSync(layout.passwordFile, { throwIfNoEntry: false })) chmodSync(layout.passwordFile, 0o600);
  log(`Đã khôi phục bản sao lưu ${basename(from)} (tạo lúc ${manifest.createdAt}).`);
  return aside;
}
