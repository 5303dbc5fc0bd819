import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AttachmentsService } from '@eiso/attachments';
import { Actor, Clock, DomainException, ErrorCode, JobName, todayInVietnam } from '@eiso/common';
import { assertVersion, Db, TransactionRunner } from '@eiso/database';
import { AuditAction, AuditTrailService } from '@eiso/audit-trail';
import { AuthService } from '@eiso/identity';
import { JobOutbox, jobIdOf } from '@eiso/queue';
import { ConfirmedPassword, SignatureEntity, SignatureMeaning, SignaturesService } from '@eiso/signatures';
import { actsInAgency } from './document-access';
import { DocumentEvent, DocumentNotifier } from './document-notifier';
import { DocumentFinder } from './document-finder';
import { DOCUMENT_MESSAGES } from './documents.messages';
import { VersionState } from './document-type';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentVersionRepository } from './document-version.repository';
import { DocumentEntity } from './document.entity';
import { DocumentRepository } from './document.repository';
import { DocumentVersionsService } from './document-versions.service';
import { VersionView } from './document.views';
import { assertSegregationOfDuties, DutyStep } from './segregation-of-duties';
import { versionSignedContent, versionSubject } from './signature-content';
import { nextState, VersionAction } from './version-state-machine';
import { putInForce, retireOlderVersions } from './version-supersession';
import { CommentKind } from './document-comment.entity';
import { versionFiles } from './version-attachment-subject';

interface Step {
  document: DocumentEntity;
  version: DocumentVersionEntity;
  db: Db;
}

/**
 * The lifecycle of DESIGN §4: submit → review → approve → issue, returns, withdrawal. Each step
 * locks the version, checks role, agency, segregation of duties, state and (if sent) the version
 * the client saw; writes the signature, the audit trail, the notifications and the jobs (e-mail,
 * controlled copies: the job outbox) in one transaction.
 */
@Injectable()
export class DocumentWorkflowService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly documents: DocumentRepository,
    private readonly versions: DocumentVersionRepository,
    private readonly attachments: AttachmentsService,
    private readonly finder: DocumentFinder,
    private readonly versionsService: DocumentVersionsService,
    private readonly notifier: DocumentNotifier,
    private readonly auth: AuthService,
    private readonly signatures: SignaturesService,
    private readonly auditTrail: AuditTrailService,
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
  ) {}

  submit(
    actor: Actor,
    documentId: string,
    versionId: string,
    expectedVersion?: number,
  ): Promise<VersionView> {
    return this.step(actor, documentId, versionId, expectedVersion, async (step) => {
      const { version, db } = step;
      if (version.authorId !== actor.userId) throw new DomainException(ErrorCode.DocumentNotAuthor);
      if (
        version.state === VersionState.Draft &&
        !(await this.attachments.hasPrimary(db, versionFiles(version.id)))
      ) {
        throw new DomainException(ErrorCode.DocumentPrimaryFileRequired);
      }
      version.state = nextState(version.state, VersionAction.Submit);
      version.submittedAt = this.clock.now();
      // The drafter's name and position as they are now, and what was handed in (the "Soạn thảo" block).
      const submitted = await this.sign(step, actor, SignatureMeaning.Submit);
      return {
        event: { kind: 'submitted', authorName: submitted.signerName },
        action: 'document_version.submitted',
      };
    });
  }

  review(
    actor: Actor,
    documentId: string,
    versionId: string,
    decision: 'approve' | 'return',
    comment: string | undefined,
    expectedVersion?: number,
  ): Promise<VersionView> {
    return this.step(actor, documentId, versionId, expectedVersion, async (step) => {
      await this.assertDuties(step.db, actor, step.version, DutyStep.Review);
      if (decision === 'return') {
        if (!comment?.trim())
          throw new DomainException(ErrorCode.ValidationFailed, {
            errors: [{ field: 'comment', message: 'Cần ghi ý kiến khi trả lại.' }],
          });
        step.version.state = nextState(step.version.state, VersionAction.ReviewReturn);
        await this.comment(step, actor, 'review_return', comment);
        const by = (await this.auth.signerOf(actor, step.db)).fullName;
        return { event: { kind: 'returned', by, comment }, action: 'document_version.review_returned' };
      }
      step.version.state = nextState(step.version.state, VersionAction.ReviewApprove);
      if (comment?.trim()) await this.comment(step, actor, 'review_approve', comment);
      await this.sign(step, actor, SignatureMeaning.Review, { comment });
      return { event: { kind: 'reviewed' }, action: 'document_version.reviewed' };
    });
  }

  async approve(
    actor: Actor,
    documentId: string,
    versionId: string,
    password: string,
    comment?: string,
    expectedVersion?: number,
  ): Promise<VersionView> {
    await this.assertCanAct(actor, documentId, versionId, DutyStep.Approve, expectedVersion);
    const confirmed = await this.signatures.confirmPassword(actor, password);
    return this.step(actor, documentId, versionId, expectedVersion, async (step) => {
      await this.assertDuties(step.db, actor, step.version, DutyStep.Approve);
      step.version.state = nextState(step.version.state, VersionAction.Approve);
      if (comment?.trim()) await this.comment(step, actor, 'approve', comment);
      await this.sign(step, actor, SignatureMeaning.Approve, { password: confirmed, comment });
      return { event: { kind: 'approved' }, action: 'document_version.approved' };
    });
  }

  returnForRework(
    actor: Actor,
    documentId: string,
    versionId: string,
    comment: string,
    expectedVersion?: number,
  ): Promise<VersionView> {
    return this.step(actor, documentId, versionId, expectedVersion, async (step) => {
      // Sending a version back is the approval step's decision: never its author's.
      await this.assertDuties(step.db, actor, step.version, DutyStep.Review);
      step.version.state = nextState(step.version.state, VersionAction.ApprovalReturn);
      await this.comment(step, actor, 'approval_return', comment);
      const by = (await this.auth.signerOf(actor, step.db)).fullName;
      return { event: { kind: 'returned', by, comment }, action: 'document_version.approval_returned' };
    });
  }

  /**
   * approved → effective, or → scheduled when `effectiveFrom` is after today (Vietnam time): the
   * version in force then stays effective until the daily `documents.activate-scheduled` job. What
   * the issue leaves behind is retired in the same transaction, under the document's row lock.
   */
  async issue(
    actor: Actor,
    documentId: string,
    versionId: string,
    password: string,
    effectiveFrom?: string,
    expectedVersion?: number,
  ): Promise<VersionView> {
    await this.assertCanAct(actor, documentId, versionId, DutyStep.Issue, expectedVersion);
    const confirmed = await this.signatures.confirmPassword(actor, password);
    return this.step(actor, documentId, versionId, expectedVersion, async (step) => {
      const { document, version, db } = step;
      await this.assertDuties(db, actor, version, DutyStep.Issue);
      const now = this.clock.now();
      const from = effectiveFrom ?? todayInVietnam(now);
      await this.assertNotBeforeInForce(db, document, from);
      const scheduled = from > todayInVietnam(now);
      const newState = nextState(version.state, scheduled ? VersionAction.Schedule : VersionAction.Issue);
      const { retired, events } = await retireOlderVersions(db, this.versions, document, version, {
        keepEffective: scheduled,
        now,
      });
      version.state = newState;
      version.issueNumber = document.issueCount + 1;
      version.issuedAt = now;
      version.effectiveFrom = from;
      document.issueCount = version.issueNumber;
      if (scheduled) document.scheduledVersionId = version.id;
      else putInForce(document, version);
      document.version += 1;
      await this.sign(step, actor, SignatureMeaning.Issue, { password: confirmed });
      await this.auditTrail.record(db, actor, ...events);
      return {
        event: { kind: scheduled ? 'scheduled' : 'issued' },
        action: scheduled ? 'document_version.scheduled' : 'document_version.issued',
        render: [version, ...retired.filter((s) => s.issueNumber !== null)].map((v) => ({
          versionId: v.id,
          state: v.state,
        })),
        saveDocument: true,
      };
    });
  }

  /**
   * The document is no longer in force: its effective version → obsolete, and a version waiting
   * for its date is cancelled with it (→ obsolete). A document whose only issue is still waiting
   * is withdrawn by cancelling that one. Its history stays.
   */
  async withdraw(
    actor: Actor,
    documentId: string,
    password: string,
    reason: string,
    /** The document's version (its ETag), not the withdrawn version's. */
    expectedVersion?: number,
  ): Promise<VersionView> {
    const { document } = await this.finder.document(this.tx.db, actor, documentId);
    if (!actsInAgency(actor, document.agencyId)) throw new DomainException(ErrorCode.DocumentNotFound);
    assertVersion(document, expectedVersion);
    const target =
      document.status === 'active' ? (document.currentVersionId ?? document.scheduledVersionId) : null;
    if (!target) throw new DomainException(ErrorCode.DocumentNoEffectiveVersion);
    const confirmed = await this.signatures.confirmPassword(actor, password);
    return this.step(actor, documentId, target, undefined, async (step) => {
      assertVersion(step.document, expectedVersion);
      const now = this.clock.now();
      const cancelled = await this.cancelScheduled(step, actor, reason, now);
      step.version.state = nextState(step.version.state, VersionAction.Withdraw);
      step.version.obsoletedAt = now;
      step.version.withdrawalReason = reason;
      step.document.status = 'obsolete';
      step.document.scheduledVersionId = null;
      step.document.nextReviewDate = null;
      step.document.version += 1;
      await this.sign(step, actor, SignatureMeaning.Withdraw, { password: confirmed, comment: reason });
      return {
        event: { kind: 'withdrawn', reason },
        action: 'document.withdrawn',
        render: [step.version, ...cancelled].map((v) => ({ versionId: v.id, state: v.state })),
        saveDocument: true,
      };
    });
  }

  /** A new issue never takes effect before the version it replaces did (no backdating past it). */
  private async assertNotBeforeInForce(db: Db, document: DocumentEntity, from: string): Promise<void> {
    const current = document.currentVersionId
      ? await this.versions.findById(db, document.currentVersionId)
      : null;
    if (current?.state === VersionState.Effective && current.effectiveFrom && from < current.effectiveFrom) {
      throw new DomainException(ErrorCode.ValidationFailed, {
        errors: [
          {
            field: 'effectiveFrom',
            message: DOCUMENT_MESSAGES.effectiveBeforeInForce(current.effectiveFrom),
          },
        ],
      });
    }
  }

  /** A scheduled version other than the one being withdrawn is cancelled with the document. */
  private async cancelScheduled(
    { document, version, db }: Step,
    actor: Actor,
    reason: string,
    now: Date,
  ): Promise<DocumentVersionEntity[]> {
    const id = document.scheduledVersionId;
    if (!id || id === version.id) return [];
    const scheduled = await this.versions.findForUpdate(db, document.id, id);
    if (!scheduled || scheduled.state !== VersionState.Scheduled) return [];
    scheduled.state = nextState(scheduled.state, VersionAction.Withdraw);
    scheduled.obsoletedAt = now;
    scheduled.withdrawalReason = reason;
    await this.versions.save(db, scheduled);
    await this.auditTrail.record(db, actor, {
      agencyId: document.agencyId,
      entityType: 'document_version',
      entityId: scheduled.id,
      action: 'document_version.cancelled',
      before: { state: VersionState.Scheduled },
      after: { state: scheduled.state, reason },
    });
    return [scheduled];
  }

  /**
   * Cheap checks before asking for a password: the version exists for this actor, in their agency,
   * the client's If-Match is current, and segregation of duties lets them take this step (all
   * checked again under the lock).
   */
  private async assertCanAct(
    actor: Actor,
    documentId: string,
    versionId: string,
    duty: DutyStep,
    expectedVersion: number | undefined,
  ): Promise<void> {
    const db = this.tx.db;
    const { document, version } = await this.finder.version(db, actor, documentId, versionId);
    if (!actsInAgency(actor, document.agencyId)) throw new DomainException(ErrorCode.DocumentVersionNotFound);
    assertVersion(version, expectedVersion);
    await this.assertDuties(db, actor, version, duty);
  }

  /** Segregation of duties for `duty` on this version, from its author and its review signatures. */
  private async assertDuties(
    db: Db,
    actor: Actor,
    version: DocumentVersionEntity,
    duty: DutyStep,
  ): Promise<void> {
    const reviewerIds =
      duty === DutyStep.Approve
        ? (await this.signatures.listFor(db, versionSubject(version.id)))
            .filter((s) => s.meaning === SignatureMeaning.Review)
            .map((s) => s.signerId)
        : [];
    assertSegregationOfDuties(duty, actor.userId, { authorId: version.authorId, reviewerIds });
  }

  private async step(
    actor: Actor,
    documentId: string,
    versionId: string,
    expectedVersion: number | undefined,
    apply: (step: Step) => Promise<{
      event: DocumentEvent;
      action: AuditAction;
      render?: { versionId: string; state: VersionState }[];
      saveDocument?: boolean;
    }>,
  ): Promise<VersionView> {
    return this.tx.run(async (db): Promise<VersionView> => {
      // Document row first, then the version: every transition of one document queues here.
      const { document } = await this.finder.document(db, actor, documentId, true);
      const { version } = await this.finder.version(db, actor, documentId, versionId, { lock: true });
      if (!actsInAgency(actor, document.agencyId))
        throw new DomainException(ErrorCode.DocumentVersionNotFound);
      assertVersion(version, expectedVersion);
      const before = { state: version.state };
      const result = await apply({ document, version, db });
      await this.versions.save(db, version);
      if (result.saveDocument) await this.documents.save(db, document);
      await this.auditTrail.record(db, actor, {
        agencyId: document.agencyId,
        entityType: 'document_version',
        entityId: version.id,
        action: result.action,
        before,
        after: {
          state: version.state,
          issueNumber: version.issueNumber,
          effectiveFrom: version.effectiveFrom,
        },
      });
      // The e-mails and the controlled copies commit with the step (the job outbox).
      await this.notifier.notify(db, document, version, result.event);
      for (const { versionId: id, state } of result.render ?? []) {
        await this.outbox.add(
          db,
          JobName.PdfControlledCopy,
          { versionId: id },
          { jobId: jobIdOf(JobName.PdfControlledCopy, id, state) },
        );
      }
      return this.versionsService.view(db, version);
    });
  }

  /** Signs the version as it now stands (libs/signatures): with the password for approve, issue and withdraw. */
  private async sign(
    { document, version, db }: Step,
    actor: Actor,
    meaning: SignatureMeaning,
    options: { password?: ConfirmedPassword; comment?: string | null } = {},
  ): Promise<SignatureEntity> {
    const files = await this.attachments.list(db, versionFiles(version.id));
    return this.signatures.sign(db, {
      actor,
      password: options.password,
      subject: versionSubject(version.id),
      meaning,
      content: versionSignedContent({ document, version, files, meaning }),
      comment: options.comment,
    });
  }

  private async comment({ version, db }: Step, actor: Actor, kind: CommentKind, body: string): Promise<void> {
    await this.versions.insertComment(db, {
      id: randomUUID(),
      versionId: version.id,
      authorId: actor.userId,
      kind,
      body,
      createdAt: this.clock.now(),
    });
  }
}
