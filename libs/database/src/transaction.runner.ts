import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

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
    return this.dataSource.transaction('READ COMMITTED', work);
  }

  /** For reads that need no transaction. */
  get db(): Db {
    return this.dataSource.manager;
  }
}
