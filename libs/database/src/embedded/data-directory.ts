import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EmbeddedDatabaseError } from './embedded-database.error';

/** Where the embedded profile keeps each part of its state under EISO_DATA_DIR. */
export interface EmbeddedLayout {
  root: string;
  /** The PostgreSQL cluster (PGDATA). */
  pgdata: string;
  /** The password of the `eiso` database role, generated on first start (mode 0600). */
  passwordFile: string;
  /** The server's output until its log collector starts; its logs then go to `<pgdata>/log`. */
  startLog: string;
  /** Written by the PGlite builds of eISO; refused (see `assertNoPgliteData`). */
  legacyPglite: string;
}

export const EMBEDDED_DB_USER = 'eiso';
export const EMBEDDED_DB_NAME = 'eiso';

export function embeddedLayout(dataDir: string): EmbeddedLayout {
  const root = resolve(dataDir);
  return {
    root,
    pgdata: join(root, 'postgres'),
    passwordFile: join(root, 'postgres.password'),
    startLog: join(root, 'postgres-start.log'),
    legacyPglite: join(root, 'pglite'),
  };
}

/** True once initdb has finished: PG_VERSION is among the last files it writes. */
export function isInitialised(layout: EmbeddedLayout): boolean {
  return existsSync(join(layout.pgdata, 'PG_VERSION'));
}

export function clusterMajorVersion(layout: EmbeddedLayout): number {
  return Number(readFileSync(join(layout.pgdata, 'PG_VERSION'), 'utf8').trim());
}

/** The database password: read, or made once (never logged, never in the repository). */
export function databasePassword(layout: EmbeddedLayout): string {
  if (existsSync(layout.passwordFile)) return readFileSync(layout.passwordFile, 'utf8').trim();
  if (isInitialised(layout)) {
    throw new EmbeddedDatabaseError(
      `Thiếu tệp mật khẩu ${layout.passwordFile} của PostgreSQL nhúng trong khi cơ sở dữ liệu đã có tại ` +
        `${layout.pgdata}. Hãy khôi phục tệp đó từ bản sao lưu (npm run cli -- restore THƯ_MỤC).`,
    );
  }
  mkdirSync(layout.root, { recursive: true });
  const password = randomBytes(24).toString('base64url');
  writeFileSync(layout.passwordFile, password, { mode: 0o600 });
  return password;
}

/**
 * Builds before this one kept the database in PGlite (PostgreSQL compiled to WebAssembly) under
 * `<EISO_DATA_DIR>/pglite`. Its files cannot be opened by a PostgreSQL server, so the start stops
 * and says how to carry the data over instead of silently starting on an empty database.
 */
export function assertNoPgliteData(layout: EmbeddedLayout): void {
  if (!existsSync(join(layout.legacyPglite, 'PG_VERSION')) || isInitialised(layout)) return;
  throw new EmbeddedDatabaseError(
    [
      `Thư mục dữ liệu ${layout.root} được tạo bởi phiên bản eISO cũ dùng PGlite (${layout.legacyPglite}).`,
      'Phiên bản này chạy PostgreSQL thật nên không mở được các tệp đó. Để chuyển dữ liệu:',
      '  1. Xuất dữ liệu cũ ra tệp SQL bằng pg_dump của PGlite (gói @electric-sql/pglite-tools, xem README, mục «Moving data from PGlite»);',
      '  2. Đổi tên thư mục pglite (ví dụ thành pglite.cu) rồi chạy `npm run migration:run` để tạo cơ sở dữ liệu mới;',
      '  3. Nạp tệp SQL bằng `npm run cli -- load-sql TỆP.sql`, sau đó mới `npm start`.',
      'Nếu không cần giữ dữ liệu cũ, chỉ cần đổi tên hoặc xóa thư mục pglite.',
    ].join('\n'),
  );
}
