import { JobName, JobPayloads, PermanentJobError } from '@eiso/common';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { JobRunner } from './job-runner';
import { WORKER_CONCURRENCY } from './job-options';
import { ALL_QUEUE_NAMES, isJobName } from './job-names';
import { QUEUE_MODULE_OPTIONS, ResolvedQueueModuleOptions } from './queue-module.options';
import { redisWorkerOptions } from './redis-connection';

/**
 * One BullMQ Worker per QueueName, each routing jobs by `job.name` to the JobHandlerRegistry.
 * Raw `Worker`s rather than @nestjs/bullmq's `@Processor` classes: those bind one class per queue
 * name at compile time, while our queues are a list (QueueName) that all dispatch the same way;
 * here a new queue is one enum member in libs/common, with no class to add.
 */
@Injectable()
export class BullmqWorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(BullmqWorkerHost.name);
  private readonly workers: Worker[] = [];

  constructor(
    private readonly runner: JobRunner,
    @Inject(QUEUE_MODULE_OPTIONS) private readonly options: ResolvedQueueModuleOptions,
  ) {}

  // After every onModuleInit: the registry (behind the runner) has passed its start-up check.
  onApplicationBootstrap(): void {
    const { config } = this.options;
    for (const queueName of ALL_QUEUE_NAMES) {
      const worker = new Worker<unknown, void, string>(queueName, (job) => this.process(job), {
        connection: redisWorkerOptions(config),
        prefix: config.QUEUE_PREFIX,
        concurrency: WORKER_CONCURRENCY,
      });
      worker.on('error', (error) => this.logger.error(`Worker ${queueName}: ${error.message}`));
      this.workers.push(worker);
    }
    this.logger.log(`Worker BullMQ đang nhận việc từ: ${ALL_QUEUE_NAMES.join(', ')}`);
  }

  // Before the queues and the database close (onApplicationShutdown): running jobs finish first.
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
  }

  private async process(job: Job<unknown, void, string>): Promise<void> {
    const jobId = job.id ?? '?';
    const attempt = job.attemptsMade + 1;
    const attempts = job.opts.attempts ?? 1;
    const label = `Job ${job.name} (id ${jobId}) attempt ${attempt}/${attempts}`;
    if (!isJobName(job.name)) {
      this.logger.error(`${label}: unknown job name, not retried`);
      throw new UnrecoverableError(`Unknown job name "${job.name}"`);
    }
    try {
      // The payload was typed when it was enqueued; Redis hands it back untyped.
      await this.runner.run(
        job.name,
        job.data as JobPayloads[JobName],
        { jobId, attempt },
        // A job scheduler's job carries its key: that is a scheduled run.
        { attempts, trigger: job.repeatJobKey ? 'schedule' : 'event' },
      );
    } catch (error) {
      if (error instanceof PermanentJobError || error instanceof UnrecoverableError) {
        this.logger.error(`${label} failed permanently, not retried: ${error.message}`, error.stack);
        throw new UnrecoverableError(error.message);
      }
      const failure = error instanceof Error ? error : new Error(String(error));
      if (attempt < attempts) {
        this.logger.warn(`${label} failed, will retry: ${failure.message}`);
      } else {
        this.logger.error(`${label} failed, no attempts left: ${failure.message}`, failure.stack);
      }
      throw failure;
    }
  }
}
