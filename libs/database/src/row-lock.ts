import { EntityTarget, FindOptionsOrder, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';
import { Db } from './transaction.runner';

/**
 * How a row is locked until the transaction ends. `for_update` serializes every change of the
 * row; `for_no_key_update` lets rows that only reference it (foreign keys) be written meanwhile.
 */
export type RowLockMode = 'for_update' | 'for_no_key_update';

const TYPEORM_MODE = {
  for_update: 'pessimistic_write',
  for_no_key_update: 'for_no_key_update',
} as const;

/** Reads the one row matching `where` and locks it (`SELECT … FOR UPDATE`); null if none. */
export function findOneForUpdate<T extends ObjectLiteral>(
  db: Db,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
  mode: RowLockMode = 'for_update',
): Promise<T | null> {
  return db.getRepository(entity).findOne({ where, lock: { mode: TYPEORM_MODE[mode] } });
}

/**
 * Reads and locks the rows with these ids (and `where`) in id order: every path that locks
 * several rows of one table takes them in the same order, so two of them cannot deadlock.
 */
export function lockManyInIdOrder<T extends ObjectLiteral & { id: string }>(
  db: Db,
  entity: EntityTarget<T>,
  ids: readonly string[],
  where: FindOptionsWhere<T> = {},
): Promise<T[]> {
  if (!ids.length) return Promise.resolve([]);
  return db.getRepository(entity).find({
    where: { ...where, id: In([...new Set(ids)]) } as FindOptionsWhere<T>,
    order: { id: 'ASC' } as FindOptionsOrder<T>,
    lock: { mode: 'pessimistic_write' },
  });
}
