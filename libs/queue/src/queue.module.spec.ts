import { JOB_SCHEDULES, JobName, JobPayloads } from '@eiso/common';
import { loadConfig } from '@eiso/config';
import { INestApplicationContext, Injectable, Logger, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InProcessJobQueue } from './in-process.job-queue';
import { JobContext, JobHandlerContract } from './job-handler.contract';
import { JobHandler } from './job-handler.decorator';
import { JobHandlerSetupError } from './job-handler-setup.error';
import { JobQueue } from './job-queue';
import { QueueModule } from './queue.module';

@Injectable()
@JobHandler(JobName.AuditVerifyChain)
class RecordingHandler implements JobHandlerContract<JobName.AuditVerifyChain> {
  readonly calls: [JobPayloads[JobName.AuditVerifyChain], JobContext][] = [];
  handle(payload: JobPayloads[JobName.AuditVerifyChain], context: JobContext): Promise<void> {
    this.calls.push([payload, context]);
    return Promise.resolve();
  }
}

/** Does nothing: stands for the handlers of every other job, which this spec does not exercise. */
function idleHandlers(): Type<JobHandlerContract<JobName>>[] {
  return Object.values(JobName)
    .filter((job) => job !== JobName.AuditVerifyChain)
    .map((job) => {
      @Injectable()
      @JobHandler(job)
      class IdleHandler implements JobHandlerContract<JobName> {
        handle(): Promise<void> {
          return Promise.resolve();
        }
      }
      return IdleHandler;
    });
}

/** A caller as a domain service would be: it only knows JobQueue. */
@Injectable()
class RequestsVerification {
  constructor(private readonly jobs: JobQueue) {}
  request(userId: string): Promise<void> {
    return this.jobs.enqueue(
      JobName.AuditVerifyChain,
      { requestedBy: userId },
      { jobId: `verify/${userId}` },
    );
  }
}

async function boot(env: Record<string, string>, withHandler = true): Promise<INestApplicationContext> {
  const config = loadConfig(env);
  @Module({
    imports: [QueueModule.forRoot({ config, runWorkers: false })],
    providers: withHandler ? [RecordingHandler, RequestsVerification, ...idleHandlers()] : [],
  })
  class AppTestModule {}
  return NestFactory.createApplicationContext(AppTestModule, { logger: false, abortOnError: false });
}

describe('QueueModule without Redis (embedded profile)', () => {
  let app: INestApplicationContext | undefined;
  afterEach(async () => {
    jest.restoreAllMocks();
    await app?.close();
    app = undefined;
  });

  it('runs jobs in-process even when runWorkers is false, and says so', async () => {
    const log = jest.spyOn(Logger.prototype, 'log');
    app = await boot({ EISO_SCHEDULER: 'false' });
    expect(app.get(JobQueue)).toBeInstanceOf(InProcessJobQueue);
    expect(log).toHaveBeenCalledWith('Hàng đợi công việc: chạy trong tiến trình (embedded)');

    await app.get(RequestsVerification).request('u-7');
    await app.get(InProcessJobQueue).whenIdle();
    expect(app.get(RecordingHandler).calls).toEqual([
      [{ requestedBy: 'u-7' }, { jobId: 'verify/u-7', attempt: 1 }],
    ]);
  });

  it('refuses to start when a job has no handler', async () => {
    await expect(boot({ EISO_SCHEDULER: 'false' }, false)).rejects.toBeInstanceOf(JobHandlerSetupError);
  });

  it('registers the schedules at bootstrap only when EISO_SCHEDULER is true', async () => {
    app = await boot({ EISO_SCHEDULER: 'false' });
    expect(app.get(InProcessJobQueue).scheduledKeys()).toEqual([]);
    await app.close();

    app = await boot({ EISO_SCHEDULER: 'true' });
    expect(app.get(InProcessJobQueue).scheduledKeys().sort()).toEqual(JOB_SCHEDULES.map((s) => s.key).sort());
  });

  it('closes the queue with the application', async () => {
    app = await boot({ EISO_SCHEDULER: 'true' });
    const queue = app.get(InProcessJobQueue);
    await app.close();
    app = undefined;
    expect(queue.scheduledKeys()).toEqual([]);
    await expect(queue.enqueue(JobName.AuditVerifyChain, {})).rejects.toThrow(/closed/);
  });
});
