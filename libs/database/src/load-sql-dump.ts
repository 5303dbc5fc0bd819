import { DataSource } from 'typeorm';

/** `SET name = …;` lines of a dump's preamble. */
const SET_LINE = /^SET\s+([a-z_.]+)\s*=.*;\s*$/i;

/**
 * Loads a plain, data-only SQL dump (INSERT statements, e.g. PGlite's pg_dump) in one transaction:
 * a file that fails half-way leaves the database as it was. Triggers and foreign keys are handled
 * as a replica does, since a dump lists tables by name, not by dependency. A dump made by a newer
 * PostgreSQL may SET settings this server lacks (PGlite is 17, the embedded server 16): those
 * lines are left out. The connection is reset afterwards, since a dump empties `search_path`.
 * Returns the settings whose SET lines were left out.
 */
export async function loadSqlDump(dataSource: DataSource, sql: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const known = new Set(
      ((await runner.query('SELECT name FROM pg_settings')) as { name: string }[]).map((r) =>
        r.name.toLowerCase(),
      ),
    );
    const skipped: string[] = [];
    const kept = sql
      .split('\n')
      .filter((line) => {
        const set = SET_LINE.exec(line.trim());
        if (set && !known.has(set[1].toLowerCase())) {
          skipped.push(set[1]);
          return false;
        }
        return true;
      })
      .join('\n');
    await runner.startTransaction();
    try {
      await runner.query('SET LOCAL session_replication_role = replica');
      await runner.query(kept);
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
    return skipped;
  } finally {
    await runner.query('RESET ALL').catch(() => undefined);
    await runner.release();
  }
}
