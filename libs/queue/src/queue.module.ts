import { QueueName } from '@eiso/common';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import {
  DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  OnApplicationBootstrap,
  Provider,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { BullmqWorkerHost } from './bullmq-worker.host';
import { BullmqJobQueue } from './bullmq.job-queue';
import { InProcessJobQueue } from './in-process.job-queue';
import { JobHandlerRegistry } from './job-handler.registry';
import { DEFAULT_JOB_RETRY, defaultJobOptions } from './job-options';
import { ALL_QUEUE_NAMES } from './job-names';
import { JobQueue } from './job-queue';
import { JobRunLog } from './job-run-log';
import { JobRunner } from './job-runner';
import { QUEUE_MODULE_OPTIONS, QueueModuleOptions, ResolvedQueueModuleOptions } from './queue-module.options';
import { redactRedisUrl, redisProducerOptions } from './redis-connection';

/**
 * The job queue of the process: BullMQ on Redis when REDIS_URL is set, otherwise in-process.
 * Import once, in the app module: `QueueModule.forRoot({ config, runWorkers: true })`.
 * Services inject `JobQueue`; handlers are providers marked `@JobHandler(JobName.X)`.
 */
@Global()
@Module({})
export class QueueModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(QueueModule.name);

  constructor(
    private readonly jobQueue: JobQueue,
    @Inject(QUEUE_MODULE_OPTIONS) private readonly options: ResolvedQueueModuleOptions,
  ) {}

  static forRoot(options: QueueModuleOptions): DynamicModule {
    const resolved: ResolvedQueueModuleOptions = {
      config: options.config,
      runWorkers: options.runWorkers || !options.config.usesRedis,
      retry: { ...DEFAULT_JOB_RETRY, ...options.retry },
    };
    const base: Provider[] = [{ provide: QUEUE_MODULE_OPTIONS, useValue: resolved }];
    return resolved.config.usesRedis ? bullmqModule(resolved, base) : inProcessModule(resolved, base);
  }

  async onApplicationBootstrap(): Promise<void> {
    const { config, runWorkers } = this.options;
    if (config.usesRedis) {
      this.logger.log(
        `Hàng đợi công việc: BullMQ trên Redis ${redactRedisUrl(config.REDIS_URL ?? '')} ` +
          `(tiền tố "${config.QUEUE_PREFIX}", ${runWorkers ? 'có chạy worker' : 'chỉ đưa việc vào hàng đợi'})`,
      );
    } else {
      this.logger.log('Hàng đợi công việc: chạy trong tiến trình (embedded)');
    }
    if (config.EISO_SCHEDULER !== 'true') return;
    await this.jobQueue.schedule();
    this.logger.log('Đã đăng ký các công việc chạy theo lịch');
  }
}

/** Runs handlers and reports each attempt to the JobRunLog, when the application provides one (@eiso/jobs). */
const jobRunner: Provider = {
  provide: JobRunner,
  useFactory: (registry: JobHandlerRegistry, runLog?: JobRunLog) => new JobRunner(registry, runLog),
  inject: [JobHandlerRegistry, { token: JobRunLog, optional: true }],
};

function bullmqModule(options: ResolvedQueueModuleOptions, base: Provider[]): DynamicModule {
  const { config } = options;
  const queueTokens = ALL_QUEUE_NAMES.map((name) => getQueueToken(name));
  const providers: Provider[] = [
    ...base,
    {
      provide: BullmqJobQueue,
      useFactory: (...queues: Queue[]) =>
        new BullmqJobQueue(new Map(queues.map((queue) => [queue.name as QueueName, queue]))),
      inject: queueTokens,
    },
    { provide: JobQueue, useExisting: BullmqJobQueue },
  ];
  // An enqueue-only process (the API) neither needs the handlers nor checks them; the worker does.
  if (options.runWorkers) providers.push(JobHandlerRegistry, jobRunner, BullmqWorkerHost);
  return {
    module: QueueModule,
    imports: [
      DiscoveryModule,
      // @nestjs/bullmq creates each Queue and closes it (with its Redis connection) on app.close().
      BullModule.forRoot({
        connection: redisProducerOptions(config),
        prefix: config.QUEUE_PREFIX,
        defaultJobOptions: defaultJobOptions(options.retry),
      }),
      BullModule.registerQueue(...ALL_QUEUE_NAMES.map((name) => ({ name }))),
    ],
    providers,
    exports: [JobQueue, BullmqJobQueue, QUEUE_MODULE_OPTIONS],
  };
}

function inProcessModule(options: ResolvedQueueModuleOptions, base: Provider[]): DynamicModule {
  return {
    module: QueueModule,
    imports: [DiscoveryModule],
    providers: [
      ...base,
      JobHandlerRegistry,
      jobRunner,
      {
        provide: InProcessJobQueue,
        useFactory: (runner: JobRunner) => new InProcessJobQueue(runner, options.retry),
        inject: [JobRunner],
      },
      { provide: JobQueue, useExisting: InProcessJobQueue },
    ],
    exports: [JobQueue, InProcessJobQueue, QUEUE_MODULE_OPTIONS],
  };
}
