import { JobName, JobPayloads, PermanentJobError } from '@eiso/common';
import { Inject, Injectable, Logger, OnModuleInit, Optional, Type } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper';
import type { JobContext, JobHandlerContract, JobSummary } from './job-handler.contract';
import { JOB_HANDLER_METADATA } from './job-handler.decorator';
import { DuplicateJobHandler, JobHandlerSetupError } from './job-handler-setup.error';
import { ALL_JOB_NAMES } from './job-names';

/** Jobs that must have a handler; every JobName unless a test narrows it. */
export const EXPECTED_JOB_NAMES = Symbol('EXPECTED_JOB_NAMES');

interface Found {
  readonly job: JobName;
  readonly label: string;
  readonly handler: JobHandlerContract<JobName>;
}

/** Finds the `@JobHandler` providers at start-up and routes each job to its one handler. */
@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private readonly logger = new Logger(JobHandlerRegistry.name);
  private readonly expected: readonly JobName[];
  private handlers = new Map<JobName, Found>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Optional() @Inject(EXPECTED_JOB_NAMES) expected?: readonly JobName[],
  ) {
    this.expected = expected ?? ALL_JOB_NAMES;
  }

  /** Runs before any worker starts, so a missing handler stops the boot instead of failing jobs later. */
  onModuleInit(): void {
    const found = this.discover();
    const byJob = new Map<JobName, Found[]>();
    for (const item of found) byJob.set(item.job, [...(byJob.get(item.job) ?? []), item]);

    const missing = this.expected.filter((job) => !byJob.has(job));
    const duplicates: DuplicateJobHandler[] = [...byJob.entries()]
      .filter(([, items]) => items.length > 1)
      .map(([job, items]) => ({ job, handlers: items.map((i) => i.label) }));
    if (missing.length > 0 || duplicates.length > 0) throw new JobHandlerSetupError(missing, duplicates);

    this.handlers = new Map([...byJob.entries()].map(([job, [item]]) => [job, item]));
    for (const item of this.handlers.values()) this.logger.debug(`${item.job} → ${item.label}`);
  }

  /** Runs the job's handler and gives back the summary it returned, if any. */
  async run<J extends JobName>(
    name: J,
    payload: JobPayloads[J],
    context: JobContext,
  ): Promise<JobSummary | undefined> {
    const found = this.handlers.get(name);
    // Only reachable when a test narrows EXPECTED_JOB_NAMES; retrying would not help.
    if (!found) throw new PermanentJobError(`No handler for job "${name}"`);
    return (await found.handler.handle(payload, context)) ?? undefined;
  }

  /** Runs the job's handler, as `run` does, for callers that want no summary. */
  async dispatch<J extends JobName>(name: J, payload: JobPayloads[J], context: JobContext): Promise<void> {
    await this.run(name, payload, context);
  }

  private discover(): Found[] {
    return this.discovery.getProviders().flatMap((wrapper) => {
      const type = classOf(wrapper);
      const job = type ? this.reflector.get<JobName | undefined>(JOB_HANDLER_METADATA, type) : undefined;
      if (!job) return [];
      const label = `${type?.name ?? String(wrapper.token)} (${wrapper.host?.name ?? '?'})`;
      // A request-scoped handler has no instance outside a request; jobs run outside requests.
      if (!wrapper.isDependencyTreeStatic())
        throw new Error(`Job handler ${label} must not be request-scoped`);
      const instance: unknown = wrapper.instance;
      if (!isHandler(instance)) throw new Error(`Job handler ${label} has no handle() method`);
      return [{ job, label, handler: instance }];
    });
  }
}

// useValue/useFactory providers carry their class on the instance, not on the wrapper.
function classOf(wrapper: InstanceWrapper): Type<unknown> | undefined {
  const instance: unknown = wrapper.instance;
  if (!wrapper.metatype || wrapper.inject) {
    return typeof instance === 'object' && instance !== null
      ? (instance.constructor as Type<unknown>)
      : undefined;
  }
  return wrapper.metatype as Type<unknown>;
}

function isHandler(value: unknown): value is JobHandlerContract<JobName> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<JobHandlerContract<JobName>>).handle === 'function'
  );
}
