import type { Db } from '../transaction.runner';
import type { AgencyTransferConflict, AgencyTransferInput } from './agency-transfer.step';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a plain SQL identifier: ${name}`);
  return name;
}

/**
 * `UPDATE table SET agency_id = to WHERE agency_id = from`, in the caller's transaction; with
 * `touch`, the row's `updated_at` becomes the transfer's time and its `version` goes up, so an
 * ETag taken before the merger no longer matches. Answers the number of rows moved.
 */
export async function moveAgencyRows(
  db: Db,
  table: string,
  input: AgencyTransferInput,
  options: { touch?: boolean; where?: string } = {},
): Promise<number> {
  const touch = options.touch ? ', updated_at = $3, version = version + 1' : '';
  const where = options.where ? ` AND (${options.where})` : '';
  const rows: { n: number }[] = await db.query(
    `WITH moved AS (
       UPDATE ${identifier(table)} SET agency_id = $2${touch} WHERE agency_id = $1${where} RETURNING 1
     ) SELECT count(*)::int AS n FROM moved`,
    options.touch ? [input.fromAgencyId, input.toAgencyId, input.at] : [input.fromAgencyId, input.toAgencyId],
  );
  return rows[0].n;
}

/** Counts the rows of `table` the old agency keeps. */
export async function countAgencyRows(
  db: Db,
  table: string,
  input: AgencyTransferInput,
  where?: string,
): Promise<number> {
  const rows: { n: number }[] = await db.query(
    `SELECT count(*)::int AS n FROM ${identifier(table)} WHERE agency_id = $1${where ? ` AND (${where})` : ''}`,
    [input.fromAgencyId],
  );
  return rows[0].n;
}

/**
 * The rows of the old agency whose per-agency unique key the receiving agency already uses:
 * `key` is the expression of the unique index over a row `r` (`lower(r.code)`), `label` the
 * column people know the row by (`code`).
 */
export async function takenKeys(
  db: Db,
  table: string,
  key: (row: string) => string,
  label: string,
  input: AgencyTransferInput,
): Promise<AgencyTransferConflict[]> {
  const rows: { fromId: string; toId: string; key: string }[] = await db.query(
    `SELECT f.id AS "fromId", t.id AS "toId", f.${identifier(label)}::text AS key
       FROM ${identifier(table)} f
       JOIN ${identifier(table)} t ON t.agency_id = $2 AND ${key('t')} = ${key('f')}
      WHERE f.agency_id = $1
      ORDER BY key`,
    [input.fromAgencyId, input.toAgencyId],
  );
  return rows.map((r) => ({ table, reason: 'code_taken', key: r.key, fromId: r.fromId, toId: r.toId }));
}
