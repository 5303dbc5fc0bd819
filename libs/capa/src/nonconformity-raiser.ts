import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, Clock } from '@eiso/common';
import { Db } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { NonconformitySeverity, NonconformitySource, NonconformityState } from './capa-state';
import { NonconformityNotifier } from './nonconformity-notifier';
import { nonconformityNumber, numberingYearOf } from './nonconformity-numbering';
import { NonconformityEntity } from './nonconformity.entity';
import { NonconformityRepository } from './nonconformity.repository';

/** One finding graded major_nc or minor_nc, as the audit report hands it over. */
export interface FindingToRaise {
  findingId: string;
  severity: 'major' | 'minor';
  clause: string;
  clauseEdition: string;
  orgUnitId: string | null;
  statement: string;
  title: string;
}

export interface RaiseFromFindingsInput {
  agencyId: string;
  auditId: string;
  /** The report's date (YYYY-MM-DD): the nonconformities' detection date and numbering year. */
  detectedOn: string;
  findings: readonly FindingToRaise[];
}

/** Everything a new nonconformity carries, whatever its source (checked by the caller). */
export type NewNonconformity = Omit<
  NonconformityEntity,
  'id' | 'year' | 'serial' | 'state' | 'closedAt' | 'createdAt' | 'updatedAt' | 'version'
>;

/**
 * Numbers and inserts nonconformities in the caller's transaction: the serial comes from the
 * agency's year under a transaction lock (parallel raises take distinct serials), the audit event
 * and the notifications are written in the same transaction.
 */
@Injectable()
export class NonconformityRaiser {
  constructor(
    private readonly repository: NonconformityRepository,
    private readonly auditTrail: AuditTrailService,
    private readonly notifier: NonconformityNotifier,
    private readonly clock: Clock,
  ) {}

  /**
   * Raises one nonconformity per finding (source audit_finding), numbered in the agency's year,
   * inside the caller's transaction. Idempotent per finding: a finding already raised is answered
   * with its existing nonconformity and not raised again. Answers in the order of the findings.
   */
  async raiseFromFindings(
    db: Db,
    actor: Actor,
    input: RaiseFromFindingsInput,
  ): Promise<{ id: string; number: string }[]> {
    const existing = new Map(
      (
        await this.repository.ofFindings(
          db,
          input.findings.map((f) => f.findingId),
        )
      ).map((r) => [r.finding_id, { id: r.id, number: nonconformityNumber(r.serial, r.year) }]),
    );
    const created: NonconformityEntity[] = [];
    const answer: { id: string; number: string }[] = [];
    for (const f of input.findings) {
      const known = existing.get(f.findingId);
      if (known) {
        answer.push(known);
        continue;
      }
      const nc = await this.insert(db, actor, {
        agencyId: input.agencyId,
        source: NonconformitySource.AuditFinding,
        severity: f.severity === 'major' ? NonconformitySeverity.Major : NonconformitySeverity.Minor,
        title: f.title.trim(),
        description: f.statement.trim(),
        clause: f.clause,
        clauseEdition: f.clauseEdition,
        orgUnitId: f.orgUnitId,
        detectedOn: input.detectedOn,
        detectedBy: actor.userId,
        auditId: input.auditId,
        findingId: f.findingId,
        complaintRef: null,
        complainant: null,
        tthcCode: null,
        dossierNumber: null,
        daysLate: null,
        managementReviewRef: null,
      });
      existing.set(f.findingId, { id: nc.id, number: nonconformityNumber(nc.serial, nc.year) });
      created.push(nc);
      answer.push({ id: nc.id, number: nonconformityNumber(nc.serial, nc.year) });
    }
    await this.notifier.raised(db, actor.userId, created);
    return answer;
  }

  /** Numbers and inserts one nonconformity with its audit event (no notification). */
  async insert(db: Db, actor: Actor, input: NewNonconformity): Promise<NonconformityEntity> {
    const now = this.clock.now();
    const year = numberingYearOf(input.detectedOn);
    const serial = await this.repository.nextSerial(db, input.agencyId, year);
    const nc: NonconformityEntity = {
      ...input,
      id: randomUUID(),
      year,
      serial,
      state: NonconformityState.Open,
      closedAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await this.repository.insert(db, nc);
    await this.auditTrail.record(db, actor, {
      agencyId: nc.agencyId,
      entityType: 'nonconformity',
      entityId: nc.id,
      action: 'nonconformity.raised',
      after: {
        number: nonconformityNumber(serial, year),
        source: nc.source,
        severity: nc.severity,
        title: nc.title,
        clause: nc.clause,
        clauseEdition: nc.clauseEdition,
        orgUnitId: nc.orgUnitId,
        detectedOn: nc.detectedOn,
        auditId: nc.auditId,
        findingId: nc.findingId,
        complaintRef: nc.complaintRef,
        tthcCode: nc.tthcCode,
        dossierNumber: nc.dossierNumber,
        daysLate: nc.daysLate,
        managementReviewRef: nc.managementReviewRef,
      },
    });
    return nc;
  }
}
