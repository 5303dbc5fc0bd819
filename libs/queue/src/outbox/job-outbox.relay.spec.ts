import { JobName, JobPayloads } from '@eiso/common';
import type { Db, TransactionRunner } from '@eiso/database';
import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, QueryRunner } from 'typeorm';
import { EnqueueOptions, JobQueue } from '../job-queue';
import { JobOutbox } from './job-outbox';
import { DEFAULT_JOB_OUTBOX_OPTIONS, JobOutboxOptions } from './job-outbox.options';
import { JobOutboxRelay } from './job-outbox.relay';
import { JobOutboxRepository, NewOutboxRow, OutboxRow } from './job-outbox.repository';

interface StoredRow extends OutboxRow {
  attempts: number;
  lastError: string | null;
}

/** job_outbox in memory, with a transaction's all-or-nothing: a pass that throws changes nothing. */
class MemoryOutbox extends JobOutboxRepository {
  rows: StoredRow[] = [];
  private nextId = 1;
  /** Rows locked by a pass under way (FOR UPDATE SKIP LOCKED). */
  private readonly locked = new Set<string>();

  override insert(_db: Db, row: NewOutboxRow): Promise<boolean> {
    if (this.rows.some((r) => r.jobId === row.jobId)) return Promise.resolve(false);
    this.rows.push({ ...row, id: String(this.nextId++), attempts: 0, lastError: null });
    return Promise.resolve(true);
  }

  override claim(_db: Db, limit: number): Promise<OutboxRow[]> {
    const free = this.rows.filter((r) => !this.locked.has(r.id)).slice(0, limit);
    for (const r of free) this.locked.add(r.id);
    return Promise.resolve(free.map((r) => ({ ...r })));
  }

  override delete(_db: Db, ids: readonly string[]): Promise<void> {
    this.rows = this.rows.filter((r) => !ids.includes(r.id));
    return Promise.resolve();
  }

  override noteFailure(_db: Db, id: string, error: string): Promise<void> {
    const row = this.rows.find((r) => r.id === id);
    if (row) {
      row.attempts += 1;
      row.lastError = error;
    }
    return Promise.resolve();
  }

  override count(): Promise<number> {
    return Promise.resolve(this.rows.length);
  }

  unlockAll(): void {
    this.locked.clear();
  }

  add(jobName: string, jobId: string, notBefore = new Date()): void {
    this.rows.push({
      id: String(this.nextId++),
      jobName,
      jobId,
      payload: { jobId },
      notBefore,
      attempts: 0,
      lastError: null,
    });
  }
}

/** A transaction runner over the memory outbox: rolls back (restores the rows) when the work throws. */
function memoryTx(outbox: MemoryOutbox): TransactionRunner {
  return {
    db: {} as Db,
    async run<T>(work: (db: Db) => Promise<T>): Promise<T> {
      const before = outbox.rows.map((r) => ({ ...r }));
      try {
        return await work({} as Db);
      } catch (error) {
        outbox.rows = before;
        throw error;
      } finally {
        outbox.unlockAll();
      }
    },
  } as unknown as TransactionRunner;
}

interface Enqueued {
  name: JobName;
  payload: unknown;
  options: EnqueueOptions;
}

/** A queue that accepts, refuses (Redis down) or never answers (Redis stalled), as told. */
class ScriptedQueue extends JobQueue {
  readonly accepted: Enqueued[] = [];
  mode: 'up' | 'down' | 'stalled' = 'up';
  onEnqueue: () => void = () => undefined;

  enqueue<J extends JobName>(name: J, payload: JobPayloads[J], options: EnqueueOptions = {}): Promise<void> {
    this.onEnqueue();
    if (this.mode === 'down')
      return Promise.reject(new Error("Stream isn't writeable and enableOfflineQueue options is false"));
    if (this.mode === 'stalled') return new Promise(() => undefined);
    this.accepted.push({ name, payload, options });
    return Promise.resolve();
  }
  hasUnfinished(): Promise<boolean> {
    return Promise.resolve(false);
  }
  schedule(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

const FAST: JobOutboxOptions = {
  ...DEFAULT_JOB_OUTBOX_OPTIONS,
  batchSize: 2,
  retryMinMs: 20,
  retryMaxMs: 80,
  pollMs: 60_000,
  enqueueTimeoutMs: 50,
};

async function until(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}

describe('JobOutboxRelay', () => {
  let outbox: MemoryOutbox;
  let queue: ScriptedQueue;
  let relay: JobOutboxRelay;

  const make = (options: JobOutboxOptions = FAST): JobOutboxRelay =>
    new JobOutboxRelay(memoryTx(outbox), outbox, queue, options);

  beforeEach(() => {
    outbox = new MemoryOutbox();
    queue = new ScriptedQueue();
    relay = make();
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    await relay.stop();
    jest.restoreAllMocks();
  });

  it('hands every row to the queue in order, with its job id and the delay left, then deletes it', async () => {
    outbox.add(JobName.RecordsDispose, 'records.dispose/a');
    outbox.add(JobName.PdfControlledCopy, 'pdf.controlled-copy/b', new Date(Date.now() + 60_000));
    outbox.add(JobName.NotificationsSend, 'notifications.send/c');

    relay.kick();
    await relay.idle();

    expect(queue.accepted.map((j) => [j.name, j.options.jobId])).toEqual([
      [JobName.RecordsDispose, 'records.dispose/a'],
      [JobName.PdfControlledCopy, 'pdf.controlled-copy/b'],
      [JobName.NotificationsSend, 'notifications.send/c'],
    ]);
    expect(queue.accepted[0].options.delayMs).toBeUndefined();
    expect(queue.accepted[1].options.delayMs).toBeGreaterThan(59_000);
    expect(queue.accepted[1].options.delayMs).toBeLessThanOrEqual(60_000);
    expect(queue.accepted[0].payload).toEqual({ jobId: 'records.dispose/a' });
    // Three rows, batches of two: the relay went round until the table was empty.
    expect(outbox.rows).toEqual([]);
  });

  it('keeps every row while the queue refuses, and relays them by itself once it is back', async () => {
    outbox.add(JobName.RecordsDispose, 'records.dispose/a');
    outbox.add(JobName.RecordsDispose, 'records.dispose/b');
    queue.mode = 'down';
    let tries = 0;
    queue.onEnqueue = () => {
      tries += 1;
    };

    relay.kick();
    await until(() => tries >= 3);
    expect(queue.accepted).toEqual([]);
    expect(outbox.rows.map((r) => r.jobId)).toEqual(['records.dispose/a', 'records.dispose/b']);
    // The first row is the one refused each time: counted, with the reason.
    expect(outbox.rows[0].attempts).toBeGreaterThanOrEqual(2);
    expect(outbox.rows[0].lastError).toMatch(/enableOfflineQueue/);

    queue.mode = 'up';
    await until(() => outbox.rows.length === 0);
    expect(queue.accepted.map((j) => j.options.jobId)).toEqual(['records.dispose/a', 'records.dispose/b']);
  });

  it('waits longer after each refusal, up to retryMaxMs', async () => {
    outbox.add(JobName.RecordsDispose, 'records.dispose/a');
    queue.mode = 'down';
    const at: number[] = [];
    queue.onEnqueue = () => at.push(Date.now());
    relay.kick();
    await until(() => at.length >= 5, 3_000);
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    // 20, 40, 80, 80 ms (timers may fire a little late, never early).
    expect(gaps[0]).toBeGreaterThanOrEqual(18);
    expect(gaps[1]).toBeGreaterThanOrEqual(38);
    expect(gaps[2]).toBeGreaterThanOrEqual(78);
    expect(gaps[3]).toBeGreaterThanOrEqual(78);
    expect(gaps[3]).toBeLessThan(78 + 150);
  });

  it('deletes the rows accepted before a refusal, and keeps the rest', async () => {
    outbox.add(JobName.RecordsDispose, 'records.dispose/a');
    outbox.add(JobName.RecordsDispose, 'records.dispose/b');
    queue.onEnqueue = () => {
      if (queue.accepted.length === 1) queue.mode = 'down';
    };
    const pass = await relay.relayOnce();
    expect(pass).toMatchObject({ relayed: 1, error: expect.stringMatching(/enableOfflineQueue/) as string });
    expect(outbox.rows.map((r) => r.jobId)).toEqual(['records.dispose/b']);
  });

  it('counts an enqueue that never answers (a stalled Redis) as refused, within enqueueTimeoutMs', async () => {
    outbox.add(JobName.RecordsDispose, 'records.dispose/a');
    queue.mode = 'stalled';
    const started = Date.now();
    const pass = await relay.relayOnce();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(pass.error).toMatch(/no answer from the job queue within 50 ms/);
    expect(outbox.rows).toHaveLength(1);
  });

  it('goes round again when kicked during a pass: a row committed meanwhile is not left waiting', async () => {
    outbox.add(JobName.RecordsDispose, 'records.dispose/a');
    let committedMeanwhile = false;
    queue.onEnqueue = () => {
      if (committedMeanwhile) return;
      committedMeanwhile = true;
      outbox.add(JobName.RecordsDispose, 'records.dispose/late');
      relay.kick();
    };
    relay = make({ ...FAST, batchSize: 10 });
    relay.kick();
    await relay.idle();
    expect(queue.accepted.map((j) => j.options.jobId)).toEqual(['records.dispose/a', 'records.dispose/late']);
    expect(outbox.rows).toEqual([]);
  });

  it('drops a row whose job no handler knows (an older deployment), loudly', async () => {
    outbox.add('records.shred-everything', 'records.shred-everything/x');
    outbox.add(JobName.RecordsDispose, 'records.dispose/a');
    relay.kick();
    await relay.idle();
    expect(queue.accepted.map((j) => j.options.jobId)).toEqual(['records.dispose/a']);
    expect(outbox.rows).toEqual([]);
    expect(Logger.prototype.error).toHaveBeenCalledWith(expect.stringContaining('records.shred-everything'));
  });

  it('relays what a previous process left at start, and nothing once stopped', async () => {
    outbox.add(JobName.RecordsDispose, 'records.dispose/left-by-a-dead-api');
    relay.onApplicationBootstrap();
    await until(() => outbox.rows.length === 0);
    expect(queue.accepted).toHaveLength(1);

    await relay.stop();
    outbox.add(JobName.RecordsDispose, 'records.dispose/after-stop');
    relay.kick();
    await relay.idle();
    expect(queue.accepted).toHaveLength(1);
  });
});

describe('JobOutbox', () => {
  const runner = (active: boolean) => ({ isTransactionActive: active }) as unknown as QueryRunner;

  function make() {
    const rows = new MemoryOutbox();
    const kicks = { count: 0 };
    const relay = { kick: () => (kicks.count += 1) } as unknown as JobOutboxRelay;
    const dataSource = { subscribers: [] as unknown[] } as unknown as DataSource;
    const outbox = new JobOutbox(rows, relay, dataSource);
    outbox.onModuleInit();
    return { rows, kicks, outbox, dataSource };
  }

  it('writes the row in the caller transaction and kicks the relay only once it has committed', async () => {
    const { rows, kicks, outbox, dataSource } = make();
    expect(dataSource.subscribers).toContain(outbox);
    const qr = runner(true);
    await outbox.add(
      { queryRunner: qr } as unknown as Db,
      JobName.RecordsDispose,
      { disposalId: 'd-1' },
      {
        jobId: 'records.dispose/d-1',
        delayMs: 1_000,
      },
    );
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0].payload).toEqual({ disposalId: 'd-1' });
    expect(rows.rows[0].notBefore.getTime()).toBeGreaterThan(Date.now() + 900);
    expect(kicks.count).toBe(0);

    // A commit of another transaction, then a savepoint's release: not yet.
    outbox.afterTransactionCommit({ queryRunner: runner(false) } as never);
    (qr as { isTransactionActive: boolean }).isTransactionActive = true;
    outbox.afterTransactionCommit({ queryRunner: qr } as never);
    expect(kicks.count).toBe(0);

    (qr as { isTransactionActive: boolean }).isTransactionActive = false;
    outbox.afterTransactionCommit({ queryRunner: qr } as never);
    expect(kicks.count).toBe(1);
    // Once only.
    outbox.afterTransactionCommit({ queryRunner: qr } as never);
    expect(kicks.count).toBe(1);
  });

  it('never kicks for a transaction that rolled back', async () => {
    const { kicks, outbox } = make();
    const qr = runner(true);
    await outbox.add(
      { queryRunner: qr } as unknown as Db,
      JobName.RecordsDispose,
      { disposalId: 'd-2' },
      {
        jobId: 'records.dispose/d-2',
      },
    );
    (qr as { isTransactionActive: boolean }).isTransactionActive = false;
    outbox.afterTransactionRollback({ queryRunner: qr });
    outbox.afterTransactionCommit({ queryRunner: qr } as never);
    expect(kicks.count).toBe(0);
  });

  it('kicks at once outside a transaction (the row is committed already)', async () => {
    const { kicks, outbox } = make();
    await outbox.add(
      {} as Db,
      JobName.RecordsDispose,
      { disposalId: 'd-3' },
      { jobId: 'records.dispose/d-3' },
    );
    expect(kicks.count).toBe(1);
  });

  it('refuses a job id BullMQ would refuse, before writing anything', async () => {
    const { rows, outbox } = make();
    await expect(
      outbox.add({} as Db, JobName.RecordsDispose, { disposalId: 'd' }, { jobId: 'a:b' }),
    ).rejects.toThrow(/must not contain ':'/);
    expect(rows.rows).toEqual([]);
  });
});
