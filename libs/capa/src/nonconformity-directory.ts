import { Injectable } from '@nestjs/common';
import { Db, TransactionRunner } from '@eiso/database';
import { NonconformitySeverity, NonconformitySource, NonconformityState } from './capa-state';
import { nonconformityNumber } from './nonconformity-numbering';
import { NonconformityRepository } from './nonconformity.repository';
import { NONCONFORMITY_STATE_LABELS } from './nonconformity.views';

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

  // --- management reviews: nonconformities of a source over a period (read-only) ---

  /**
   * Nonconformities of the agency from one source detected in [from, to], by number, with their
   * state; one query.
   */
  async ofSourceIn(
    agencyId: string,
    source: NonconformitySource,
    from: string,
    to: string,
    db: Db = this.tx.db,
  ): Promise<NonconformityOfSource[]> {
    const rows: {
      id: string;
      year: number;
      serial: number;
      detected_on: string;
      title: string;
      description: string;
      state: NonconformityState;
    }[] = await db.query(
      `SELECT id, year, serial, to_char(detected_on, 'YYYY-MM-DD') AS detected_on, title, description, state
         FROM nonconformity
        WHERE agency_id = $1 AND source = $2 AND detected_on BETWEEN $3::date AND $4::date
        ORDER BY year, serial`,
      [agencyId, source, from, to],
    );
    return rows.map((r) => ({
      id: r.id,
      number: nonconformityNumber(r.serial, r.year),
      detectedOn: r.detected_on,
      title: r.title,
      description: r.description,
      state: r.state,
      stateLabel: NONCONFORMITY_STATE_LABELS[r.state],
    }));
  }

  // --- conformity: major nonconformities still open (read-only) ---

  /** The agency's major nonconformities not closed yet, by number; one query. */
  async openMajor(
    agencyId: string,
    db: Db = this.tx.db,
  ): Promise<{ id: string; number: string; title: string }[]> {
    const rows: { id: string; year: number; serial: number; title: string }[] = await db.query(
      `SELECT id, year, serial, title FROM nonconformity
        WHERE agency_id = $1 AND severity = $2 AND state = $3
        ORDER BY year, serial`,
      [agencyId, NonconformitySeverity.Major, NonconformityState.Open],
    );
    return rows.map((r) => ({ id: r.id, number: nonconformityNumber(r.serial, r.year), title: r.title }));
  }
}

/** A nonconformity as the management review lists it. */
export interface NonconformityOfSource {
  id: string;
  number: string;
  detectedOn: string;
  title: string;
  description: string;
  state: NonconformityState;
  stateLabel: string;
}
