import { Injectable } from '@nestjs/common';
import { AuditDirectory } from '@eiso/audits';
import { NonconformityDirectory } from '@eiso/capa';
import { Actor, Clock, DomainException, ErrorCode, todayInVietnam } from '@eiso/common';
import { Db, TransactionRunner } from '@eiso/database';
import { DocumentDirectory } from '@eiso/documents';
import { ManagementReviewDirectory } from '@eiso/management-reviews';
import { ObjectiveDirectory } from '@eiso/objectives';
import { assessReadiness, ConformityReadiness } from './readiness';

/**
 * Whether an agency may declare its QMS conformant today: reads each prerequisite from the domain
 * that owns it, through its directory, in one transaction, and lets `assessReadiness` decide.
 */
@Injectable()
export class ConformityReadinessService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly documents: DocumentDirectory,
    private readonly objectives: ObjectiveDirectory,
    private readonly audits: AuditDirectory,
    private readonly reviews: ManagementReviewDirectory,
    private readonly nonconformities: NonconformityDirectory,
  ) {}

  /** The actor's agency's readiness, for the TTHC codes of the scope it means to declare. */
  async readinessOf(actor: Actor, scope: readonly string[] = []): Promise<ConformityReadiness> {
    if (!actor.agencyId) throw new DomainException(ErrorCode.Forbidden);
    return this.readinessOfAgency(actor.agencyId, scope);
  }

  async readinessOfAgency(agencyId: string, scope: readonly string[] = []): Promise<ConformityReadiness> {
    return this.tx.run((db) => this.readinessIn(db, agencyId, scope));
  }

  /** The same in the caller's transaction (signing decides on what it reads under its lock). */
  async readinessIn(db: Db, agencyId: string, scope: readonly string[] = []): Promise<ConformityReadiness> {
    const asOf = todayInVietnam(this.clock.now());
    const policy = await this.documents.policyInForce(agencyId, asOf, db);
    const objectives = await this.objectives.activeOfYear(agencyId, Number(asOf.slice(0, 4)), db);
    const procedures = await this.documents.proceduresInForce(agencyId, undefined, db);
    const lastAudit = await this.audits.lastClosed(agencyId, db);
    const lastReview = await this.reviews.lastHeld(agencyId, db);
    const openMajor = await this.nonconformities.openMajor(agencyId, db);
    return assessReadiness(agencyId, {
      asOf,
      scope,
      policy: policy && {
        documentId: policy.documentId,
        code: policy.code,
        title: policy.title,
        effectiveFrom: policy.effectiveFrom,
      },
      objectives,
      procedures,
      lastAudit,
      lastReview,
      openMajor,
    });
  }
}
