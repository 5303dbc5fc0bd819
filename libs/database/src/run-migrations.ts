import { DataSource } from 'typeorm';
import { dataSourceOptions, LONG_WORK_TIMEOUTS } from './data-source-options';

/** Applies every pending migration and returns the names it ran; no statement may be cut short. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, 1, LONG_WORK_TIMEOUTS), entities: [] });
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Reverts the newest migration; used by the test that checks every `down` works. */
export async function revertAllMigrations(url: string): Promise<number> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, 1, LONG_WORK_TIMEOUTS), entities: [] });
  await dataSource.initialize();
  let reverted = 0;
  try {
    const applied = async (): Promise<number> =>
      (await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM schema_migrations`))[0].n;
    while ((await applied()) > 0) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      reverted += 1;
    }
    return reverted;
  } finally {
    await dataSource.destroy();
  }
}
