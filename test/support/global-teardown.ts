import Redis from 'ioredis';
import { Client } from 'pg';

const PG_URL = process.env.EISO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.EISO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Leaves nothing behind: template database, S3 server, and this run's Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__EISO_TEST__ as
    { template: string; stopS3: () => Promise<void> } | undefined;
  if (!state) return;
  await state.stopS3();
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${state.template} WITH (FORCE)`);
  await client.end();

  const prefix = process.env.EISO_TEST_QUEUE_PREFIX;
  if (prefix) {
    const redis = new Redis(REDIS_URL);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await redis.quit();
  }
}
