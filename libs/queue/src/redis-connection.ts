import type { AppConfig } from '@eiso/config';
import type { RedisOptions } from 'bullmq';

/** A producer's command that gets no answer within this fails (a stalled Redis). */
export const PRODUCER_COMMAND_TIMEOUT_MS = 5_000;
/** A producer's command is retried on this many reconnections, then fails. */
export const PRODUCER_MAX_RETRIES_PER_REQUEST = 1;
/** Longest wait between two reconnection attempts of a producer. */
export const PRODUCER_MAX_RECONNECT_DELAY_MS = 5_000;

/**
 * Connection of a Queue (the producer side: adds, counts, the admin views). It fails fast, as
 * BullMQ advises for queues: no offline queue (a command while Redis is down fails at once instead
 * of waiting for it to come back), a bounded number of retries, and a command timeout for a Redis
 * that accepts the connection but does not answer. Nothing committed depends on it: jobs reach the
 * queue through the job outbox, whose relay retries.
 *
 * Options, not a shared client: BullMQ (≥ 6 reads `url`) then opens its own ioredis clients and
 * closes them with the Queue or Worker, so shutdown leaves no socket open. The connection name
 * (the queue prefix) tells operators in `CLIENT LIST` whose sockets these are.
 */
export function redisProducerOptions(config: AppConfig): RedisOptions {
  return {
    ...baseOptions(config),
    maxRetriesPerRequest: PRODUCER_MAX_RETRIES_PER_REQUEST,
    enableOfflineQueue: false,
    commandTimeout: PRODUCER_COMMAND_TIMEOUT_MS,
    // Reconnect soon once Redis is back (BullMQ's default waits up to 20 s).
    retryStrategy: (times: number) => Math.min(times * 250, PRODUCER_MAX_RECONNECT_DELAY_MS),
  };
}

/**
 * Connection of a Worker: maxRetriesPerRequest null (BullMQ requires it for blocking commands): a
 * command waits for Redis to come back instead of failing the job.
 */
export function redisWorkerOptions(config: AppConfig): RedisOptions {
  return { ...baseOptions(config), maxRetriesPerRequest: null };
}

function baseOptions(config: AppConfig): RedisOptions {
  if (!config.REDIS_URL) throw new Error('REDIS_URL is not set');
  return { url: config.REDIS_URL, connectionName: config.QUEUE_PREFIX };
}

/** The URL without its password, for logs. */
export function redactRedisUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
