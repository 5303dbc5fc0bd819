import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runMigrations } from '@eiso/database';

/** The server tests run against; CI and developers have PostgreSQL on loopback with trust auth. */
export const TEST_PG_ADMIN_URL =
  process.env.EISO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TEMPLATE_ENV = 'EISO_TEST_TEMPLATE_DB';

function urlFor(database: string): string {
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A freshly migrated database; the global setup makes it once per run and tests clone it. */
export async function createTemplateDatabase(): Promise<string> {
  const name = `eiso_tpl_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  await runMigrations(urlFor(name));
  return name;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file: cloned from the migrated template, dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env[TEMPLATE_ENV];
  const name = `eiso_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  if (template) {
    await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  } else {
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    await runMigrations(urlFor(name));
  }
  return {
    name,
    url: urlFor(name),
    drop: () => dropDatabase(name),
  };
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

export function rememberTemplate(name: string): void {
  process.env[TEMPLATE_ENV] = name;
}
