import { JobName, JobPayloads } from '@eiso/common';
import {
  ALL_QUEUE_NAMES,
  BullmqJobQueue,
  InProcessJobQueue,
  JobContext,
  JobHandler,
  JobHandlerContract,
  JobOutboxRelay,
  JobQueue,
} from '@eiso/queue';
import { INestApplicationContext, Injectable, Type } from '@nestjs/common';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

const POLL_MS = 50;

/**
 * Waits until the job outbox is empty (when the app has one) and no job is waiting, active or
 * delayed (retries included), in either queue mode; again while jobs write new outbox rows.
 * The next run a job scheduler keeps delayed is not counted: it is not work in progress.
 */
export async function waitForQueuesToDrain(app: INestApplicationContext, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const relay = outboxRelayOf(app);
  for (;;) {
    if (relay) await flushOutbox(relay, deadline);
    await drainQueue(app, Math.max(deadline - Date.now(), 0));
    if (!relay || (await relay.pending()) === 0) return;
  }
}

function drainQueue(app: INestApplicationContext, timeoutMs: number): Promise<void> {
  const queue = app.get(JobQueue);
  if (queue instanceof InProcessJobQueue) return withTimeout(queue.whenIdle(), timeoutMs);
  if (queue instanceof BullmqJobQueue) return pollUntilDrained(queue, timeoutMs);
  throw new Error(`Unknown JobQueue implementation: ${queue.constructor.name}`);
}

/** The app's outbox relay; null for a module built without the JobsModule. */
export function outboxRelayOf(app: INestApplicationContext): JobOutboxRelay | null {
  try {
    return app.get(JobOutboxRelay, { strict: false });
  } catch {
    return null;
  }
}

/** Relays now, and again until the job_outbox table is empty. */
async function flushOutbox(relay: JobOutboxRelay, deadline: number): Promise<void> {
  for (;;) {
    relay.kick();
    await relay.idle();
    const pending = await relay.pending();
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`Job outbox still holds ${pending} row(s)`);
    await sleep(POLL_MS);
  }
}

/** A QUEUE_PREFIX of its own for each test run, so parallel runs never share jobs. */
export function uniqueQueuePrefix(): string {
  return `eiso-test-${randomBytes(4).toString('hex')}`;
}

/** Deletes every Redis key under `prefix` (the BullMQ keys of a test run); returns how many. */
export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  try {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) deleted += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    return deleted;
  } finally {
    await redis.quit();
  }
}

/**
 * Handlers that do nothing, for every job but `except`: a test module that boots the real
 * QueueModule passes its start-up check however many jobs the application adds.
 */
export function idleJobHandlers(...except: JobName[]): Type<JobHandlerContract<JobName>>[] {
  return Object.values(JobName)
    .filter((job) => !except.includes(job))
    .map((job) => {
      @Injectable()
      @JobHandler(job)
      class IdleJobHandler implements JobHandlerContract<JobName> {
        handle(): Promise<void> {
          return Promise.resolve();
        }
      }
      Object.defineProperty(IdleJobHandler, 'name', { value: `IdleJobHandler(${job})` });
      return IdleJobHandler;
    });
}

/** Test handler of JobName.AuditVerifyChain: records every run and does what the test scripts. */
@Injectable()
@JobHandler(JobName.AuditVerifyChain)
export class ScriptedAuditJobHandler implements JobHandlerContract<JobName.AuditVerifyChain> {
  readonly calls: { payload: JobPayloads[JobName.AuditVerifyChain]; context: JobContext }[] = [];
  script: (context: JobContext) => Promise<void> = () => Promise.resolve();

  async handle(payload: JobPayloads[JobName.AuditVerifyChain], context: JobContext): Promise<void> {
    this.calls.push({ payload, context });
    await this.script(context);
  }
}

async function pollUntilDrained(queue: BullmqJobQueue, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await pendingBullmqJobs(queue);
    if (Object.keys(pending).length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`Queues did not drain within ${timeoutMs} ms: ${JSON.stringify(pending)}`);
    }
    await sleep(POLL_MS);
  }
}

async function pendingBullmqJobs(jobQueue: BullmqJobQueue): Promise<Record<string, number>> {
  const pending: Record<string, number> = {};
  for (const name of ALL_QUEUE_NAMES) {
    const queue = jobQueue.queueFor(name);
    const counts = await queue.getJobCounts(
      'waiting',
      'active',
      'delayed',
      'prioritized',
      'waiting-children',
    );
    if (counts.delayed > 0) {
      const scheduled = (await queue.getDelayed()).filter((job) => job.repeatJobKey).length;
      counts.delayed -= scheduled;
    }
    for (const [state, count] of Object.entries(counts)) {
      if (count > 0) pending[`${name}.${state}`] = count;
    }
  }
  return pending;
}

async function withTimeout(promise: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Queue did not become idle within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
