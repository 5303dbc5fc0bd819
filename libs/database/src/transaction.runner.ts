import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { throwIfCommitAborted } from './commit-guard';

/** The handle every repository method takes: the open transaction's manager, or the plain one. */
export type Db = EntityManager;

/**
 * Runs a unit of work in one transaction. Everything inside must use the `db` it is given:
 * on the embedded profile a query on another connection would wait for this transaction forever.
 */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', async (db) => {
      const result = await work(db);
      // Inside commitUnlessAborted (an upload): a client gone by now gets a rollback, not a row.
      throwIfCommitAborted();
      return result;
    });
  }

  /** For reads that need no transaction. */
  get db(): Db {
    return this.dataSource.manager;
  }
}
