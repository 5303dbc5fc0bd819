import type { AppConfig } from '@eiso/config';
import type { JobRetryOptions } from './job-options';

export interface QueueModuleOptions {
  /** The validated config: it decides BullMQ (REDIS_URL set) or in-process before DI starts. */
  readonly config: AppConfig;
  /** Run job handlers in this process: the worker and tests. The in-process queue always does. */
  readonly runWorkers: boolean;
  /** Tests shorten the backoff; production keeps DEFAULT_JOB_RETRY. */
  readonly retry?: Partial<JobRetryOptions>;
}

export interface ResolvedQueueModuleOptions {
  readonly config: AppConfig;
  readonly runWorkers: boolean;
  readonly retry: JobRetryOptions;
}

export const QUEUE_MODULE_OPTIONS = Symbol('QUEUE_MODULE_OPTIONS');
