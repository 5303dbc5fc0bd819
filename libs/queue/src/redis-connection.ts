import type { AppConfig } from '@eiso/config';
import type { RedisOptions } from 'bullmq';

/**
 * Options, not a shared client: BullMQ (≥ 6 reads `url`) then opens its own ioredis clients and
 * closes them with the Queue or Worker, so shutdown leaves no socket open.
 * maxRetriesPerRequest null: a command waits for Redis to come back instead of failing the job.
 * The connection name (the queue prefix) tells operators in `CLIENT LIST` whose sockets these are.
 */
export function redisConnectionOptions(config: AppConfig): RedisOptions {
  if (!config.REDIS_URL) throw new Error('REDIS_URL is not set');
  return { url: config.REDIS_URL, maxRetriesPerRequest: null, connectionName: config.QUEUE_PREFIX };
}

/** The URL without its password, for logs. */
export function redactRedisUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
