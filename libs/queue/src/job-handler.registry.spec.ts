import { JobName, JobPayloads, PermanentJobError } from '@eiso/common';
import { INestApplicationContext, Injectable, Module, Provider, Scope } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { JobContext, JobHandlerContract } from './job-handler.contract';
import { JobHandler } from './job-handler.decorator';
import { EXPECTED_JOB_NAMES, JobHandlerRegistry } from './job-handler.registry';
import { JobHandlerSetupError } from './job-handler-setup.error';

type Payload = JobPayloads[JobName.AuditVerifyChain];

@Injectable()
@JobHandler(JobName.AuditVerifyChain)
class RecordingHandler implements JobHandlerContract<JobName.AuditVerifyChain> {
  readonly calls: [Payload, JobContext][] = [];
  handle(payload: Payload, context: JobContext): Promise<void> {
    this.calls.push([payload, context]);
    return Promise.resolve();
  }
}

@Injectable()
@JobHandler(JobName.AuditVerifyChain)
class SecondHandler implements JobHandlerContract<JobName.AuditVerifyChain> {
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

@Injectable({ scope: Scope.REQUEST })
@JobHandler(JobName.AuditVerifyChain)
class RequestScopedHandler implements JobHandlerContract<JobName.AuditVerifyChain> {
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

const UNHANDLED = 'test.unhandled' as JobName;

/** A Nest module with the registry, the given handlers and, if given, the expected job names. */
async function boot(providers: Provider[], expected?: JobName[]): Promise<INestApplicationContext> {
  @Module({
    imports: [DiscoveryModule],
    providers: [
      JobHandlerRegistry,
      ...providers,
      ...(expected ? [{ provide: EXPECTED_JOB_NAMES, useValue: expected }] : []),
    ],
  })
  class RegistryTestModule {}
  // abortOnError false: a start-up error is thrown to the test instead of exiting the process.
  return NestFactory.createApplicationContext(RegistryTestModule, { logger: false, abortOnError: false });
}

async function setupError(providers: Provider[], expected?: JobName[]): Promise<JobHandlerSetupError> {
  const error: unknown = await boot(providers, expected).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof JobHandlerSetupError))
    throw new Error(`expected JobHandlerSetupError, got ${String(error)}`);
  return error;
}

describe('JobHandlerRegistry', () => {
  it('routes a job to its handler with the payload and context', async () => {
    const moduleRef = await boot([RecordingHandler], [JobName.AuditVerifyChain]);
    await moduleRef
      .get(JobHandlerRegistry)
      .dispatch(JobName.AuditVerifyChain, { requestedBy: 'u-1' }, { jobId: 'j-1', attempt: 2 });
    expect(moduleRef.get(RecordingHandler).calls).toEqual([
      [{ requestedBy: 'u-1' }, { jobId: 'j-1', attempt: 2 }],
    ]);
    await moduleRef.close();
  });

  it('finds handlers registered with useFactory', async () => {
    const moduleRef = await boot(
      [{ provide: 'handler', useFactory: () => new RecordingHandler() }],
      [JobName.AuditVerifyChain],
    );
    await moduleRef
      .get(JobHandlerRegistry)
      .dispatch(JobName.AuditVerifyChain, {}, { jobId: 'j', attempt: 1 });
    expect(moduleRef.get<RecordingHandler>('handler').calls).toHaveLength(1);
    await moduleRef.close();
  });

  it('requires every JobName by default and refuses to start without one', async () => {
    const error = await setupError([]);
    expect(error.missing).toEqual(Object.values(JobName));
    expect(error.duplicates).toEqual([]);
    expect(error.message).toContain(
      `no handler for "${JobName.AuditVerifyChain}": add @JobHandler(JobName.AuditVerifyChain)`,
    );
  });

  it('refuses to start when a job has two handlers, naming both', async () => {
    const error = await setupError([RecordingHandler, SecondHandler], [JobName.AuditVerifyChain]);
    expect(error.missing).toEqual([]);
    expect(error.duplicates).toEqual([
      {
        job: JobName.AuditVerifyChain,
        handlers: [expect.stringContaining('RecordingHandler'), expect.stringContaining('SecondHandler')],
      },
    ]);
    expect(error.message).toMatch(/"audit\.verify-chain" has 2 handlers: RecordingHandler .*, SecondHandler/);
  });

  it('lists missing and duplicate handlers together, for the job names it is given', async () => {
    const error = await setupError([RecordingHandler, SecondHandler], [JobName.AuditVerifyChain, UNHANDLED]);
    expect(error.missing).toEqual([UNHANDLED]);
    expect(error.duplicates.map((d) => d.job)).toEqual([JobName.AuditVerifyChain]);
  });

  it('starts when the given list is covered', async () => {
    const moduleRef = await boot([RecordingHandler], [JobName.AuditVerifyChain]);
    await moduleRef.close();
  });

  it('rejects a request-scoped handler: jobs run outside requests', async () => {
    await expect(boot([RequestScopedHandler], [])).rejects.toThrow(/must not be request-scoped/);
  });

  it('fails a job without a handler permanently', async () => {
    const moduleRef = await boot([], []);
    await expect(
      moduleRef.get(JobHandlerRegistry).dispatch(JobName.AuditVerifyChain, {}, { jobId: 'j', attempt: 1 }),
    ).rejects.toBeInstanceOf(PermanentJobError);
    await moduleRef.close();
  });
});
