import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Extension, PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

// The contrib entry points publish ESM-only typings but ship CommonJS builds; load those directly.
/* eslint-disable @typescript-eslint/no-require-imports */
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
const { unaccent } = require('@electric-sql/pglite/contrib/unaccent') as { unaccent: Extension };
const { btree_gin } = require('@electric-sql/pglite/contrib/btree_gin') as { btree_gin: Extension };
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * pglite-socket serves one transaction at a time across its connections, so a query made
 * outside the open transaction's EntityManager would wait forever: code must always use the
 * transaction's manager (TransactionRunner does). A few connections still let independent
 * requests queue instead of failing.
 */
export const EMBEDDED_MAX_CONNECTIONS = 8;

export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PGlite has no lock of its own: two processes on one directory would corrupt it. A pid file
 * refuses the second one (a file left by a dead process is taken over).
 */
function lockDataDir(dir: string): () => void {
  const file = join(dir, 'eiso.pid');
  let holder = 0;
  try {
    holder = Number(readFileSync(file, 'utf8').trim());
  } catch {
    // no lock yet
  }
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `Cơ sở dữ liệu nhúng tại ${dir} đang được tiến trình ${holder} sử dụng. ` +
        'Hãy dừng tiến trình đó (ví dụ eISO API) hoặc dùng EISO_DATA_DIR khác.',
    );
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

/** Starts PostgreSQL compiled to WASM (PGlite) on a loopback port, so TypeORM reaches it through `pg`. */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const unlock = lockDataDir(dir);
  const db = await PGlite.create(dir, { extensions: { pg_trgm, unaccent, btree_gin } });
  const port = await freePort();
  const server = new PGLiteSocketServer({
    db,
    port,
    host: '127.0.0.1',
    maxConnections: EMBEDDED_MAX_CONNECTIONS,
  });
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir: dir,
    async stop() {
      await server.stop();
      await db.close();
      unlock();
    },
  };
}
