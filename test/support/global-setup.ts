import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { startS3Server } from './s3-server';

/*
 * Runs once per `jest` run, outside the module mapper: only relative imports here.
 * Makes a freshly migrated template database (with the real migration command), starts s3rver on
 * loopback, and hands both to the test workers through the environment.
 */
const ROOT = join(__dirname, '..', '..');
const PG_URL = process.env.EISO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function databaseUrl(name: string): string {
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export default async function globalSetup(): Promise<void> {
  const migrate = join(ROOT, 'dist/libs/database/src/cli/migrate.js');
  if (!existsSync(migrate)) execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });

  const template = `eiso_tpl_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`CREATE DATABASE ${template}`);
  await client.end();
  execFileSync(process.execPath, [migrate], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl(template), JWT_SECRET: randomBytes(32).toString('hex') },
    stdio: 'inherit',
  });

  const s3 = await startS3Server();
  process.env.EISO_TEST_TEMPLATE_DB = template;
  process.env.EISO_TEST_S3_ENDPOINT = s3.endpoint;
  process.env.EISO_TEST_S3_ACCESS_KEY = s3.accessKey;
  process.env.EISO_TEST_S3_SECRET_KEY = s3.secretKey;
  // s3rver keeps each object as a file whose mtime is its LastModified: tests may backdate it.
  process.env.EISO_TEST_S3_DIRECTORY = s3.directory;
  process.env.EISO_TEST_QUEUE_PREFIX = `eiso-test-${randomBytes(4).toString('hex')}`;
  (globalThis as Record<string, unknown>).__EISO_TEST__ = { template, stopS3: s3.stop };
}
