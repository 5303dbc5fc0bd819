import { Injectable, OnModuleInit, Type } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper';
import { DomainException, ErrorCode } from '@eiso/common';
import type { Db } from '../transaction.runner';
import { agencyTransferCoverage, AgencyTransferCoverage } from './agency-transfer-coverage';
import {
  AGENCY_TRANSFER_METADATA,
  AgencyTransferConflict,
  AgencyTransferInput,
  AgencyTransferStep,
  TransferSummary,
} from './agency-transfer.step';

/** What every step did, by domain. */
export type AgencyTransferReport = Record<string, TransferSummary>;

/** Finds the `@AgencyTransfer()` steps at start-up and runs them all, in the caller's transaction. */
@Injectable()
export class AgencyTransferRegistry implements OnModuleInit {
  private found: AgencyTransferStep[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    this.found = this.discovery.getProviders().flatMap((wrapper) => {
      const type = classOf(wrapper);
      if (!type || !this.reflector.get<boolean | undefined>(AGENCY_TRANSFER_METADATA, type)) return [];
      const instance: unknown = wrapper.instance;
      const label = `${type.name} (${wrapper.host?.name ?? '?'})`;
      if (!isStep(instance))
        throw new Error(`Agency transfer step ${label} lacks domain, tables or transfer()`);
      return [instance];
    });
  }

  /** The registered steps, in a stable order (by domain). */
  steps(): readonly AgencyTransferStep[] {
    return [...this.found].sort((a, b) => a.domain.localeCompare(b.domain));
  }

  /** Which of `tablesWithAgency` no step names, and which tables two steps claim. */
  coverage(tablesWithAgency: readonly string[]): AgencyTransferCoverage {
    return agencyTransferCoverage(tablesWithAgency, this.found);
  }

  /**
   * Moves every row of one agency to another through every step, inside `db` (the caller's
   * transaction: the restructuring commits the move with its own change of the agencies). Asks
   * every step for conflicts first and refuses the whole move, listing them all, if any answers
   * (409 AGENCY_TRANSFER_CONFLICTS): the restructuring screen has people settle them first.
   */
  async transferAll(db: Db, input: AgencyTransferInput): Promise<AgencyTransferReport> {
    if (input.fromAgencyId === input.toAgencyId)
      throw new DomainException(ErrorCode.AgencyTransferSameAgency);
    const steps = this.steps();
    const conflicts: (AgencyTransferConflict & { domain: string })[] = [];
    for (const step of steps) {
      for (const c of (await step.conflicts?.(db, input)) ?? [])
        conflicts.push({ domain: step.domain, ...c });
    }
    if (conflicts.length > 0) throw new DomainException(ErrorCode.AgencyTransferConflicts, { conflicts });
    const report: AgencyTransferReport = {};
    for (const step of steps) report[step.domain] = await step.transfer(db, input);
    return report;
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

function isStep(value: unknown): value is AgencyTransferStep {
  const step = value as Partial<AgencyTransferStep> | null;
  return (
    typeof step === 'object' &&
    step !== null &&
    typeof step.domain === 'string' &&
    Array.isArray(step.tables) &&
    typeof step.transfer === 'function'
  );
}
