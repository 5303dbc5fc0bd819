import { EntityTarget, ObjectLiteral } from 'typeorm';
import { DomainException, ErrorCode } from '@eiso/common';
import { Db } from './transaction.runner';

/**
 * A row under optimistic concurrency: `version` counts its saved changes and is its ETag. Every
 * save of a versioned row bumps it by one (DESIGN §11, "ETag and If-Match").
 */
export interface Versioned {
  version: number;
}

/** The one refusal of a client that read another version than the row has now (412). */
export function staleVersion(currentVersion?: number): DomainException {
  return new DomainException(
    ErrorCode.PreconditionFailed,
    currentVersion === undefined ? undefined : { currentVersion },
  );
}

/**
 * Refuses (412) when the client said which version it read (If-Match) and the row has another;
 * `expected` undefined (a transition sent without If-Match) checks nothing. Call it on the row read
 * under its lock, after the visibility check (what one may not see answers 404 first).
 */
export function assertVersion(row: Versioned, expected: number | undefined): void {
  if (expected !== undefined && row.version !== expected) throw staleVersion(row.version);
}

/** The next version of a row being saved; the save's `updated_at` is `at`. */
export function bumpVersion(row: Versioned & { updatedAt: Date }, at: Date): void {
  row.version += 1;
  row.updatedAt = at;
}

/**
 * Writes `row` only where the stored row still has `expectedVersion`, as `expectedVersion + 1`
 * with `updatedAt = at`, and refuses (412) when someone changed it meanwhile: the check and the
 * write are one statement, so two editors of one version cannot both win. `keep` lists columns
 * this edit never writes (counters another statement keeps).
 */
export async function saveIfVersion<T extends ObjectLiteral & Versioned & { id: string; updatedAt: Date }>(
  db: Db,
  target: EntityTarget<T>,
  row: T,
  expectedVersion: number,
  at: Date,
  keep: readonly (keyof T)[] = [],
): Promise<void> {
  const changes: Partial<T> = { ...row };
  for (const key of ['id', ...keep] as (keyof T)[]) delete changes[key];
  const result = await db
    .createQueryBuilder()
    .update(target)
    .set({ ...changes, version: expectedVersion + 1, updatedAt: at })
    .where('id = :id AND version = :expectedVersion', { id: row.id, expectedVersion })
    .execute();
  if (result.affected !== 1) throw staleVersion();
  row.version = expectedVersion + 1;
  row.updatedAt = at;
}
