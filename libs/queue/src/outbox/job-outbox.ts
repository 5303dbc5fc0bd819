import { JobName, JobPayloads } from '@eiso/common';
import { Db } from '@eiso/database';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';
import { assertValidJobId } from '../job-id';
import { JobOutboxRelay } from './job-outbox.relay';
import { JobOutboxRepository } from './job-outbox.repository';

export interface OutboxJobOptions {
  /**
   * Required: the deterministic id built from the business key (`jobIdOf`). The relay may hand a
   * row twice; the id makes that one job.
   */
  readonly jobId: string;
  /** Run no earlier than this many milliseconds after the change. */
  readonly delayMs?: number;
}

/**
 * How a service queues a job: written in the caller's transaction, so the job commits with the
 * change it belongs to (or not at all), and handed to the queue by the relay right after the
 * commit — the request never waits on the queue. A job id still waiting here is not written twice.
 */
@Injectable()
export class JobOutbox implements OnModuleInit, EntitySubscriberInterface {
  /** Transactions that wrote a row and have not ended yet. */
  private readonly owed = new WeakSet<QueryRunner>();

  constructor(
    private readonly rows: JobOutboxRepository,
    private readonly relay: JobOutboxRelay,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    // TypeORM tells its subscribers of every commit; the relay starts after those that wrote a row.
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  async add<J extends JobName>(
    db: Db,
    name: J,
    payload: JobPayloads[J],
    options: OutboxJobOptions,
  ): Promise<void> {
    assertValidJobId(options.jobId);
    // Real time, as the queue counts its delays (not the app's Clock, which tests may move).
    const now = new Date();
    await this.rows.insert(db, {
      jobName: name,
      jobId: options.jobId,
      // A JSON copy, as the queue keeps it: later changes by the caller do not leak in.
      payload: JSON.parse(JSON.stringify(payload)) as unknown,
      notBefore: new Date(now.getTime() + (options.delayMs ?? 0)),
      createdAt: now,
    });
    const runner = db.queryRunner;
    if (runner?.isTransactionActive) this.owed.add(runner);
    // Outside a transaction the row is committed already.
    else this.relay.kick();
  }

  /** TypeORM subscriber hook: after the outermost commit of a transaction that wrote a row. */
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    if (!this.owed.has(runner) || runner.isTransactionActive) return;
    this.owed.delete(runner);
    this.relay.kick();
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    if (!event.queryRunner.isTransactionActive) this.owed.delete(event.queryRunner);
  }
}
