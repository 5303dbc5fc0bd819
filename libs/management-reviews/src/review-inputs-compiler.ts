import { Injectable } from '@nestjs/common';
import { AuditDirectory } from '@eiso/audits';
import { NonconformityDirectory, NonconformitySource, NonconformitySummaryService } from '@eiso/capa';
import { Db } from '@eiso/database';
import { DOCUMENT_TYPE_LABELS, DocumentDirectory } from '@eiso/documents';
import { UserDirectory } from '@eiso/identity';
import { OBJECTIVE_STATUS_LABELS, ObjectiveDirectory } from '@eiso/objectives';
import { RiskDirectory } from '@eiso/risks';
import { managementReviewNumber } from './management-review-numbering';
import { ManagementReviewEntity } from './management-review.entity';
import { ManagementReviewRepository } from './management-review.repository';
import { REVIEW_MESSAGES } from './management-reviews.messages';
import { assembleReviewInputs, ReviewInputs } from './review-inputs';

/**
 * Reads every input of a review (ISO 9001 9.3.2) from the domains that own it, through their
 * directories, in the caller's transaction, and assembles them.
 */
@Injectable()
export class ReviewInputsCompiler {
  constructor(
    private readonly repository: ManagementReviewRepository,
    private readonly documents: DocumentDirectory,
    private readonly audits: AuditDirectory,
    private readonly nonconformities: NonconformityDirectory,
    private readonly summaries: NonconformitySummaryService,
    private readonly objectives: ObjectiveDirectory,
    private readonly risks: RiskDirectory,
    private readonly users: UserDirectory,
  ) {}

  async compile(
    db: Db,
    review: Pick<ManagementReviewEntity, 'id' | 'agencyId' | 'periodFrom' | 'periodTo'>,
    asOf: string,
  ): Promise<ReviewInputs> {
    const { agencyId, periodFrom: from, periodTo: to } = review;
    const previous = await this.repository.previousOf(db, agencyId, to, review.id);
    const previousActions = previous ? await this.repository.actionsOf(db, previous.id) : [];
    const changes = await this.documents.changesIn(agencyId, from, to, db);
    const policy = await this.documents.policyInForce(agencyId, to, db);
    const audits = await this.audits.reportedIn(agencyId, from, to, db);
    const summary = await this.summaries.summaryOf(agencyId, from, to, db);
    const complaints = await this.nonconformities.ofSourceIn(
      agencyId,
      NonconformitySource.Complaint,
      from,
      to,
      db,
    );
    const late = await this.nonconformities.ofSourceIn(
      agencyId,
      NonconformitySource.LateDossier,
      from,
      to,
      db,
    );
    const objectives = await this.objectives.resultsIn(agencyId, from, to, db);
    const risks = await this.risks.summaryIn(agencyId, from, to, db);
    const names = await this.users.fullNamesOf(
      [...previousActions.map((a) => a.ownerId), ...audits.map((a) => a.leadAuditorId)],
      db,
    );
    const typeLabels: Readonly<Record<string, string>> = DOCUMENT_TYPE_LABELS;
    return assembleReviewInputs({
      from,
      to,
      asOf,
      previous: previous
        ? {
            reviewId: previous.id,
            reviewNumber: managementReviewNumber(previous.serial, previous.year),
            actions: previousActions.map((a) => ({
              id: a.id,
              kind: a.kind,
              description: a.description,
              ownerId: a.ownerId,
              ownerName: names.get(a.ownerId) ?? '',
              dueDate: a.dueDate,
              state: a.state,
              doneOn: a.doneOn,
            })),
          }
        : null,
      issued: changes.issued.map((v) => ({
        documentId: v.documentId,
        code: v.code,
        title: v.title,
        type: v.type,
        typeLabel: typeLabels[v.type] ?? v.type,
        issueNumber: v.issueNumber,
        versionLabel: REVIEW_MESSAGES.versionLabel(v.issueNumber),
        effectiveFrom: v.effectiveFrom,
      })),
      withdrawn: changes.withdrawn.map((d) => ({ ...d, typeLabel: typeLabels[d.type] ?? d.type })),
      documentTypeLabels: typeLabels,
      objectives,
      objectiveStatusLabels: OBJECTIVE_STATUS_LABELS,
      audits: audits.map((a) => ({
        auditId: a.auditId,
        number: a.number,
        title: a.title,
        startDate: a.startDate,
        endDate: a.endDate,
        reportedOn: a.reportedOn,
        leadAuditorName: names.get(a.leadAuditorId) ?? '',
        findings: a.findings,
      })),
      nonconformities: summary,
      complaints,
      lateDossiers: late.length,
      risks,
      qualityPolicy: policy
        ? {
            documentId: policy.documentId,
            code: policy.code,
            title: policy.title,
            issueNumber: policy.issueNumber,
            versionLabel: REVIEW_MESSAGES.versionLabel(policy.issueNumber),
            effectiveFrom: policy.effectiveFrom,
          }
        : null,
    });
  }
}
