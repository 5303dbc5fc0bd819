import { Injectable } from '@nestjs/common';
import { AttachmentsService } from '@eiso/attachments';
import { AuditTrailService } from '@eiso/audit-trail';
import { NonconformityDirectory, NonconformityRaiser } from '@eiso/capa';
import { Actor, Clock, DomainException, ErrorCode, Role, todayInVietnam } from '@eiso/common';
import { assertVersion, Db, TransactionRunner } from '@eiso/database';
import { DocumentDirectory } from '@eiso/documents';
import { UserDirectory } from '@eiso/identity';
import { IsoClauseDirectory } from '@eiso/iso-clauses';
import { AgencyDirectory, AgencyHeadingReader } from '@eiso/organizations';
import { SignatureEntity, SignatureMeaning, SignaturesService } from '@eiso/signatures';
import { AuditFinder } from './audit-finder';
import { FINDING_ATTACHMENTS } from './audit-finding-attachment-subject';
import { AuditFindingEntity } from './audit-finding.entity';
import { AuditFindingRepository } from './audit-finding.repository';
import { AuditReportView, ReportNonconformityRef, toAuditReportView } from './audit-finding.views';
import { auditReportContent, auditReportSubject, reportSignatureOf } from './audit-report-content';
import { AUDIT_REPORT_MESSAGES } from './audit-report.messages';
import { renderAuditReport } from './audit-report.renderer';
import { AuditState, FindingType, NONCONFORMITY_FINDINGS } from './audit-state';
import { assertAuditTransition } from './audit-state-machine';
import { auditNumber, isLeadAuditor } from './audit-team';
import { AuditEntity } from './audit.entity';
import { AuditRepository } from './audit.repository';
import { AuditsNotifier } from './audits-notifier';

export interface ReportAuditInput {
  conclusion: string;
  password: string;
}

export interface AuditReportFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

const M = AUDIT_REPORT_MESSAGES;

/**
 * The audit report (DESIGN §6): the lead auditor signs it with the password once every checklist
 * item is answered — the audit becomes `reported` and one nonconformity is raised per major or
 * minor finding, in the same transaction; the PDF is rendered on request from the rows and the
 * signature; the audit closes once every nonconformity has a corrective action being verified or
 * closed.
 */
@Injectable()
export class AuditReportService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly finder: AuditFinder,
    private readonly audits: AuditRepository,
    private readonly findings: AuditFindingRepository,
    private readonly clauses: IsoClauseDirectory,
    private readonly agencies: AgencyDirectory,
    private readonly headings: AgencyHeadingReader,
    private readonly users: UserDirectory,
    private readonly documents: DocumentDirectory,
    private readonly raiser: NonconformityRaiser,
    private readonly nonconformities: NonconformityDirectory,
    private readonly signatures: SignaturesService,
    private readonly attachments: AttachmentsService,
    private readonly notifier: AuditsNotifier,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  /**
   * The lead auditor signs the report. Refused before the password is asked for (and again under
   * the audit's lock): not the lead (403), not in progress (409), a checklist item unanswered (422).
   */
  async report(
    actor: Actor,
    auditId: string,
    input: ReportAuditInput,
    expectedVersion?: number,
  ): Promise<AuditReportView> {
    const pending = await this.finder.findReadable(actor, auditId);
    await this.assertCanReport(this.tx.db, actor, pending, expectedVersion);
    const password = await this.signatures.confirmPassword(actor, input.password);
    return this.tx.run(async (db) => {
      const audit = await this.finder.findForUpdate(db, actor, auditId);
      await this.assertCanReport(db, actor, audit, expectedVersion);
      const now = this.clock.now();
      audit.state = AuditState.Reported;
      audit.conclusion = input.conclusion.trim() || input.conclusion;
      audit.reportedAt = now;
      const findings = await this.findings.ofAudit(db, audit.id);
      const files = await this.attachments.listStored(
        db,
        FINDING_ATTACHMENTS,
        findings.map((f) => f.id),
      );
      const signature = await this.signatures.sign(db, {
        actor,
        password,
        subject: auditReportSubject(audit.id),
        meaning: SignatureMeaning.Report,
        content: auditReportContent(audit, findings, files),
      });
      await this.audits.save(db, audit, now);
      const raised = await this.raise(db, actor, audit, findings, todayInVietnam(signature.signedAt));
      await this.auditTrail.record(db, actor, {
        agencyId: audit.agencyId,
        entityType: 'audit',
        entityId: audit.id,
        action: 'audit.reported',
        before: { state: AuditState.InProgress },
        after: {
          state: audit.state,
          conclusion: audit.conclusion,
          reportedAt: now.toISOString(),
          signerName: signature.signerName,
          signerPosition: signature.signerPosition,
          contentHash: signature.contentHash,
          findings: findings.length,
          nonconformities: raised.map((n) => n.number),
        },
      });
      await this.notifier.reported(
        db,
        audit,
        signature.signerName,
        raised.map((n) => n.number),
      );
      return toAuditReportView(audit, signature, raised);
    });
  }

  /**
   * The lead auditor or the agency's ISO secretary (403 AUDIT_CLOSE_NOT_ALLOWED for others)
   * closes a reported audit once every nonconformity raised from it has a corrective action in
   * `verifying` or `closed` (422 AUDIT_NONCONFORMITIES_OPEN listing the others).
   */
  async close(actor: Actor, auditId: string, expectedVersion?: number): Promise<AuditReportView> {
    const pending = await this.finder.findReadable(actor, auditId);
    assertCanClose(actor, pending, expectedVersion);
    return this.tx.run(async (db) => {
      const audit = await this.finder.findForUpdate(db, actor, auditId);
      assertCanClose(actor, audit, expectedVersion);
      const blocking = await this.nonconformities.blockingAuditClose(audit.id, db);
      if (blocking.length) {
        throw new DomainException(ErrorCode.AuditNonconformitiesOpen, {
          nonconformities: blocking,
          message: M.refusals.nonconformitiesOpen(blocking),
        });
      }
      const now = this.clock.now();
      audit.state = AuditState.Closed;
      audit.closedAt = now;
      await this.audits.save(db, audit, now);
      await this.auditTrail.record(db, actor, {
        agencyId: audit.agencyId,
        entityType: 'audit',
        entityId: audit.id,
        action: 'audit.closed',
        before: { state: AuditState.Reported },
        after: { state: audit.state, closedAt: now.toISOString() },
      });
      const signature = await this.signatureOf(db, audit);
      const raised = await this.raisedOf(db, audit);
      await this.notifier.closed(db, audit, raised.length);
      return toAuditReportView(audit, signature, raised);
    });
  }

  /** The report's state, signature (with whether it still matches the rows) and nonconformities. */
  async verification(actor: Actor, auditId: string): Promise<AuditReportView> {
    const db = this.tx.db;
    const audit = await this.finder.findReadable(actor, auditId, db);
    const raised = await this.raisedOf(db, audit);
    const [verified] = (
      await this.signatures.verify(db, auditReportSubject(audit.id), async () => {
        const findings = await this.findings.ofAudit(db, audit.id);
        const files = await this.attachments.listStored(
          db,
          FINDING_ATTACHMENTS,
          findings.map((f) => f.id),
        );
        return auditReportContent(audit, findings, files);
      })
    ).filter((s) => s.meaning === SignatureMeaning.Report);
    return verified
      ? toAuditReportView(audit, verified, raised, verified.contentVerified)
      : toAuditReportView(audit, null, raised);
  }

  /** Báo cáo đánh giá nội bộ (PDF), once the lead auditor has signed it (409 before). */
  async pdf(actor: Actor, auditId: string): Promise<AuditReportFile> {
    return this.render(await this.finder.findReadable(actor, auditId, this.tx.db));
  }

  /**
   * The signed report of an agency's audit for the province's inspection pack (the overseer reads
   * reported and closed audits, never one under way); null when there is no signed report.
   */
  async pdfForOversight(agencyId: string, auditId: string): Promise<AuditReportFile | null> {
    const audit = await this.audits.findById(this.tx.db, auditId);
    if (!audit || audit.agencyId !== agencyId) return null;
    try {
      return await this.render(audit);
    } catch (error) {
      if (error instanceof DomainException && error.code === ErrorCode.AuditReportUnavailable) return null;
      throw error;
    }
  }

  private async render(audit: AuditEntity): Promise<AuditReportFile> {
    const db = this.tx.db;
    const signature =
      audit.state === AuditState.Reported || audit.state === AuditState.Closed
        ? await this.signatureOf(db, audit)
        : null;
    if (!signature) throw new DomainException(ErrorCode.AuditReportUnavailable, { state: audit.state });
    const findings = await this.findings.ofAudit(db, audit.id);
    const clauseLabels = await this.clauses.labelsOf(
      audit.clauseEdition,
      [...audit.clauses, ...findings.map((f) => f.clause)],
      db,
    );
    const heading = await this.headings.headingOf(audit.agencyId, db);
    const units = await this.agencies.orgUnitNames(
      [...audit.orgUnitIds, ...findings.flatMap((f) => (f.orgUnitId ? [f.orgUnitId] : []))],
      db,
    );
    const cards = await this.users.cardsOf(audit.teamIds, db);
    const documents = await this.documents.labelsOf(audit.procedureDocumentIds, db);
    const raised = await this.nonconformities.ofFindings(
      findings.map((f) => f.id),
      db,
    );
    const cardOf = new Map(cards.map((c) => [c.id, c]));
    const bytes = await renderAuditReport({
      heading,
      serial: audit.serial,
      date: todayInVietnam(signature.signedAt),
      auditNumber: auditNumber(audit),
      title: audit.title,
      objectives: audit.objectives,
      criteria: audit.criteria,
      edition: audit.clauseEdition,
      units: audit.orgUnitIds.map((id) => units.get(id) ?? ''),
      clauses: this.clauses
        .sortNumbers(audit.clauses)
        .map((n) => ({ number: n, title: clauseLabels.get(n)?.titleVi ?? null })),
      procedures: audit.procedureDocumentIds.map((id) => {
        const label = documents.get(id);
        return label ? `${label.code} — ${label.title}` : id;
      }),
      // The lead as at signing; the team as their accounts are now.
      lead: { name: signature.signerName, position: signature.signerPosition },
      team: audit.teamIds
        .filter((id) => id !== audit.leadAuditorId)
        .map((id) => ({ name: cardOf.get(id)?.fullName ?? '', position: cardOf.get(id)?.position ?? null })),
      startDate: audit.startDate,
      endDate: audit.endDate,
      findings: findings.map((f) => ({
        serial: f.serial,
        type: f.type,
        clause: f.clause,
        clauseTitle: clauseLabels.get(f.clause)?.titleVi ?? null,
        unit: f.orgUnitId ? (units.get(f.orgUnitId) ?? null) : null,
        statement: f.statement,
        evidence: f.evidence,
        nonconformityNumber: raised.get(f.id)?.number ?? null,
      })),
      conclusion: audit.conclusion ?? '',
      signature: {
        name: signature.signerName,
        signedAt: signature.signedAt,
        contentHash: signature.contentHash,
      },
      generatedAt: this.clock.now(),
    });
    return { fileName: M.report.fileName(audit.serial, audit.year), mediaType: 'application/pdf', bytes };
  }

  private async assertCanReport(
    db: Db,
    actor: Actor,
    audit: AuditEntity,
    expectedVersion: number | undefined,
  ): Promise<void> {
    assertVersion(audit, expectedVersion);
    if (!isLeadAuditor(audit, actor.userId)) throw new DomainException(ErrorCode.AuditNotLeadAuditor);
    assertAuditTransition(audit.state, AuditState.Reported);
    const unanswered = (await this.audits.itemsOf(db, audit.id)).filter((i) => i.answer === null);
    if (unanswered.length) {
      throw new DomainException(ErrorCode.AuditChecklistUnanswered, {
        items: unanswered.map((i) => ({ id: i.id, position: i.position, question: i.question })),
        message: M.refusals.checklistUnanswered(unanswered),
      });
    }
  }

  /** One nonconformity per major or minor finding, numbered in the year of the report. */
  private async raise(
    db: Db,
    actor: Actor,
    audit: AuditEntity,
    findings: readonly AuditFindingEntity[],
    detectedOn: string,
  ): Promise<ReportNonconformityRef[]> {
    const graded = findings.filter((f) => NONCONFORMITY_FINDINGS.includes(f.type));
    if (!graded.length) return [];
    const labels = await this.clauses.labelsOf(
      audit.clauseEdition,
      graded.map((f) => f.clause),
      db,
    );
    const raised = await this.raiser.raiseFromFindings(db, actor, {
      agencyId: audit.agencyId,
      auditId: audit.id,
      detectedOn,
      findings: graded.map((f) => ({
        findingId: f.id,
        severity: f.type === FindingType.MajorNc ? 'major' : 'minor',
        clause: f.clause,
        clauseEdition: audit.clauseEdition,
        orgUnitId: f.orgUnitId,
        statement: f.statement,
        title: M.nonconformityTitle(
          auditNumber(audit),
          f.serial,
          f.clause,
          labels.get(f.clause)?.titleVi ?? null,
        ),
      })),
    });
    return graded.map((f, i) => ({
      ...raised[i],
      findingId: f.id,
      findingNumber: M.findingNumber(f.serial),
    }));
  }

  private async raisedOf(db: Db, audit: AuditEntity): Promise<ReportNonconformityRef[]> {
    const findings = await this.findings.ofAudit(db, audit.id);
    const raised = await this.nonconformities.ofFindings(
      findings.map((f) => f.id),
      db,
    );
    return findings.flatMap((f) => {
      const nc = raised.get(f.id);
      return nc ? [{ ...nc, findingId: f.id, findingNumber: M.findingNumber(f.serial) }] : [];
    });
  }

  private async signatureOf(db: Db, audit: AuditEntity): Promise<SignatureEntity | null> {
    return reportSignatureOf(await this.signatures.listFor(db, auditReportSubject(audit.id)), audit.id);
  }
}

/** Who may close (403 before the state is judged), the version, then the state. */
function assertCanClose(actor: Actor, audit: AuditEntity, expectedVersion: number | undefined): void {
  if (!isLeadAuditor(audit, actor.userId) && !actor.roles.includes(Role.IsoSecretary)) {
    throw new DomainException(ErrorCode.AuditCloseNotAllowed);
  }
  assertVersion(audit, expectedVersion);
  assertAuditTransition(audit.state, AuditState.Closed);
}
