import { Injectable } from '@nestjs/common';
import { Db, TransactionRunner } from '@eiso/database';
import { nonconformityNumber } from './nonconformity-numbering';
import { NonconformityRepository } from './nonconformity.repository';

/**
 * How other domains (audits) read nonconformities: read-only, one query per call, with the
 * caller's transaction handle when it has one.
 */
@Injectable()
export class NonconformityDirectory {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: NonconformityRepository,
  ) {}

  /**
   * Nonconformities of an audit whose corrective action is missing or not yet in verifying/closed
   * (what keeps the audit from closing), with their numbers; `state` is the corrective action's
   * state, or 'none' when there is none yet.
   */
  async blockingAuditClose(
    auditId: string,
    db: Db = this.tx.db,
  ): Promise<{ id: string; number: string; state: string }[]> {
    return (await this.repository.blockingAuditClose(db, auditId)).map((r) => ({
      id: r.id,
      number: nonconformityNumber(r.serial, r.year),
      state: r.state,
    }));
  }

  /** Nonconformities raised from these findings: findingId → { id, number }. */
  async ofFindings(
    findingIds: readonly string[],
    db: Db = this.tx.db,
  ): Promise<Map<string, { id: string; number: string }>> {
    return new Map(
      (await this.repository.ofFindings(db, findingIds)).map((r) => [
        r.finding_id,
        { id: r.id, number: nonconformityNumber(r.serial, r.year) },
      ]),
    );
  }
}
