import { JobName, JobPayloads } from '@eiso/common';
import { Db, TransactionRunner } from '@eiso/database';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { JobQueue } from '../job-queue';
import { isJobName } from '../job-names';
import { JOB_OUTBOX_OPTIONS, JobOutboxOptions } from './job-outbox.options';
import { JobOutboxRepository, OutboxRow } from './job-outbox.repository';

/** What one pass of the relay did. */
export interface RelayPass {
  /** Rows the queue accepted (and that left the table). */
  readonly relayed: number;
  /** The queue's refusal that stopped the pass, if any. */
  readonly error: string | null;
  /** More rows may be waiting (the batch was full). */
  readonly more: boolean;
}

/**
 * Hands the outbox's rows to the job queue and deletes each one the queue accepted, in one
 * transaction per batch whose rows it locks (`FOR UPDATE SKIP LOCKED`): the API and worker
 * processes relay side by side without handing a row twice at once. A row relayed twice all the
 * same (the delete did not commit) is one job: its job id is deterministic and the queue ignores
 * a second add of a pending one. Runs at start, after every commit that wrote a row (`kick`, never
 * awaited by the request), then again with a growing wait while the queue refuses, and every
 * `pollMs` for rows a dead process left behind.
 */
@Injectable()
export class JobOutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobOutboxRelay.name);
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: JobOutboxRepository,
    private readonly jobs: JobQueue,
    @Inject(JOB_OUTBOX_OPTIONS) private readonly options: JobOutboxOptions,
  ) {}

  /** At start: what a previous process committed and did not relay goes now. */
  onApplicationBootstrap(): void {
    this.closed = false;
    this.kick();
    this.pollTimer = setInterval(() => this.kick(), this.options.pollMs);
    // The poll alone must not keep the process (or a test) alive.
    this.pollTimer.unref();
  }

  /** Before the queue and the database close: the pass under way finishes, no other starts. */
  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  async stop(): Promise<void> {
    this.closed = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.retryTimer);
    await this.running;
  }

  /** Relays soon, on its own: returns at once. A kick while a pass runs makes it go round again. */
  kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no pass is running (tests, and a process about to leave). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Passes until the table is empty or the queue refuses; never rejects. */
  private async drain(): Promise<void> {
    for (;;) {
      this.again = false;
      let pass: RelayPass;
      try {
        pass = await this.relayOnce();
      } catch (error) {
        // The database itself failed: the rows are safe in it; try again later.
        pass = { relayed: 0, error: messageOf(error), more: true };
      }
      if (pass.error !== null) {
        this.retryLater(pass.error);
        return;
      }
      if (this.failures > 0) {
        this.logger.log(`Hàng đợi công việc đã nhận lại việc từ hộp chờ (sau ${this.failures} lần lỗi)`);
        this.failures = 0;
      }
      if (this.closed || (!pass.more && !this.again)) return;
    }
  }

  /** One batch: the rows the queue accepted leave the table, in order, until the first refusal. */
  async relayOnce(): Promise<RelayPass> {
    return this.tx.run(async (db) => {
      const rows = await this.outbox.claim(db, this.options.batchSize);
      const done: string[] = [];
      let error: string | null = null;
      for (const row of rows) {
        try {
          await this.hand(row);
          done.push(row.id);
        } catch (refused) {
          error = messageOf(refused);
          await this.outbox.noteFailure(db, row.id, error);
          break;
        }
      }
      await this.outbox.delete(db, done);
      if (done.length > 0) this.logger.debug(`Đã chuyển ${done.length} công việc từ hộp chờ vào hàng đợi`);
      return { relayed: done.length, error, more: rows.length === this.options.batchSize };
    });
  }

  /** Rows still waiting for the queue. */
  pending(db: Db = this.tx.db): Promise<number> {
    return this.outbox.count(db);
  }

  private async hand(row: OutboxRow): Promise<void> {
    if (!isJobName(row.jobName)) {
      // Left by an older deployment: no handler would take it. Dropped, loudly.
      this.logger.error(`Bỏ công việc không rõ tên "${row.jobName}" (id ${row.jobId}) khỏi hộp chờ`);
      return;
    }
    const delayMs = Math.max(0, row.notBefore.getTime() - Date.now());
    await withTimeout(
      this.jobs.enqueue(row.jobName, row.payload as JobPayloads[JobName], {
        jobId: row.jobId,
        ...(delayMs > 0 ? { delayMs } : {}),
      }),
      this.options.enqueueTimeoutMs,
    );
  }

  private retryLater(error: string): void {
    this.failures += 1;
    const wait = Math.min(this.options.retryMinMs * 2 ** (this.failures - 1), this.options.retryMaxMs);
    // One line per outage, not one per retry.
    if (this.failures === 1) {
      this.logger.warn(`Hàng đợi công việc chưa nhận việc từ hộp chờ, sẽ thử lại: ${error}`);
    }
    if (this.closed) return;
    this.retryTimer = setTimeout(() => this.kick(), wait);
    this.retryTimer.unref();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The promise's outcome, or a rejection after `ms`; the promise itself runs on (it cannot be stopped). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the job queue within ${ms} ms`)), ms);
  });
  // A late rejection of the abandoned add must not become an unhandled one.
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
