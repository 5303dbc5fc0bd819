import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, addMonths, Clock, DomainException, ErrorCode, JobName, todayInVietnam } from '@eiso/common';
import { Db, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { AuthService, Signer } from '@eiso/identity';
import { JobQueue, jobIdOf } from '@eiso/queue';
import { actsInAgency } from './document-access';
import { DocumentEvent, DocumentNotifier } from './document-notifier';
import { DocumentFileRepository } from './document-file.repository';
import { DocumentFinder } from './document-finder';
import { SignatureMeaning, VersionState } from './document-type';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentVersionRepository } from './document-version.repository';
import { DocumentEntity } from './document.entity';
import { DocumentRepository } from './document.repository';
import { DocumentVersionsService } from './document-versions.service';
import { VersionView } from './document.views';
import { assertSegregationOfDuties, DutyStep } from './segregation-of-duties';
import { signatureContentHash } from './signature-content';
import { nextState, VersionAction } from './version-state-machine';
import { CommentKind } from './document-comment.entity';

interface Step {
  document: DocumentEntity;
  version: DocumentVersionEntity;
  db: Db;
}

interface Outcome {
  view: VersionView;
  notificationIds: string[];
  /** Versions whose controlled copy must be (re)rendered after commit, with the state to render. */
  render: { versionId: string; state: VersionState }[];
}

/**
 * The lifecycle of DESIGN §4: submit → review → approve → issue, returns, withdrawal. Each step
 * locks the version, checks role, agency, segregation of duties, state and (if sent) the version
 * the client saw; writes the signature, the audit trail and the notifications in one transaction;
 * and only after commit enqueues delivery and rendering.
 */
@Injectable()
export class DocumentWorkflowService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly documents: DocumentRepository,
    private readonly versions: DocumentVersionRepository,
    private readonly files: DocumentFileRepository,
    private readonly finder: DocumentFinder,
    private readonly versionsService: DocumentVersionsService,
    private readonly notifier: DocumentNotifier,
    private readonly auth: AuthService,
    private readonly auditTrail: AuditTrailService,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  submit(
    actor: Actor,
    documentId: string,
    versionId: string,
    expectedVersion?: number,
  ): Promise<VersionView> {
    return this.step(actor, documentId, versionId, expectedVersion, async ({ version, db }) => {
      if (version.authorId !== actor.userId) throw new DomainException(ErrorCode.DocumentNotAuthor);
      if (version.state === VersionState.Draft && !(await this.files.hasPrimary(db, version.id))) {
        throw new DomainException(ErrorCode.DocumentPrimaryFileRequired);
      }
      version.state = nextState(version.state, VersionAction.Submit);
      version.submittedAt = this.clock.now();
      const author = await this.auth.signerOf(actor, db);
      return {
        event: { kind: 'submitted', authorName: author.fullName },
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
      await this.sign(
        step,
        actor,
        await this.auth.signerOf(actor, step.db),
        SignatureMeaning.Review,
        comment,
      );
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
    await this.assertCanAct(actor, documentId, versionId, DutyStep.Approve);
    const confirmation = await this.auth.confirmPassword(actor, password);
    return this.step(actor, documentId, versionId, expectedVersion, async (step) => {
      const signer = await this.auth.confirmedSigner(step.db, confirmation);
      await this.assertDuties(step.db, actor, step.version, DutyStep.Approve);
      step.version.state = nextState(step.version.state, VersionAction.Approve);
      if (comment?.trim()) await this.comment(step, actor, 'approve', comment);
      await this.sign(step, actor, signer, SignatureMeaning.Approve, comment);
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
   * approved → effective; the previous effective version (and any older approved one, which can
   * now never be issued) → superseded, in the same transaction, under the document's row lock.
   */
  async issue(
    actor: Actor,
    documentId: string,
    versionId: string,
    password: string,
    effectiveFrom?: string,
  ): Promise<VersionView> {
    await this.assertCanAct(actor, documentId, versionId, DutyStep.Issue);
    const confirmation = await this.auth.confirmPassword(actor, password);
    return this.step(actor, documentId, versionId, undefined, async (step) => {
      const { document, version, db } = step;
      const signer = await this.auth.confirmedSigner(db, confirmation);
      await this.assertDuties(db, actor, version, DutyStep.Issue);
      const now = this.clock.now();
      const newState = nextState(version.state, VersionAction.Issue);
      const superseded: DocumentVersionEntity[] = [];
      for (const other of await this.versions.findByStates(db, document.id, [
        VersionState.Effective,
        VersionState.Approved,
      ])) {
        if (other.id === version.id) continue;
        if (other.state === VersionState.Effective && other.revision > version.revision) {
          throw new DomainException(ErrorCode.DocumentVersionOutdated, { effectiveVersionId: other.id });
        }
        if (other.revision > version.revision) continue;
        other.state = nextState(other.state, VersionAction.Supersede);
        other.supersededAt = now;
        await this.versions.save(db, other);
        superseded.push(other);
      }
      version.state = newState;
      version.issueNumber = document.issueCount + 1;
      version.issuedAt = now;
      version.effectiveFrom = effectiveFrom ?? todayInVietnam(now);
      document.issueCount = version.issueNumber;
      document.currentVersionId = version.id;
      document.status = 'active';
      document.title = version.title;
      document.isoClauses = version.isoClauses;
      document.tthcCodes = version.tthcCodes;
      document.nextReviewDate = addMonths(version.effectiveFrom, document.reviewIntervalMonths);
      document.version += 1;
      await this.sign(step, actor, signer, SignatureMeaning.Issue, null, {
        issueNumber: version.issueNumber,
        effectiveFrom: version.effectiveFrom,
      });
      await this.auditTrail.record(
        db,
        actor,
        ...superseded.map((s) => ({
          agencyId: document.agencyId,
          entityType: 'document_version',
          entityId: s.id,
          action: 'document_version.superseded',
          after: { supersededBy: version.id, state: s.state },
        })),
      );
      return {
        event: { kind: 'issued' },
        action: 'document_version.issued',
        render: [version, ...superseded.filter((s) => s.issueNumber !== null)].map((v) => ({
          versionId: v.id,
          state: v.state,
        })),
        saveDocument: true,
      };
    });
  }

  /** effective → obsolete: the document is no longer in force (its history stays). */
  async withdraw(actor: Actor, documentId: string, password: string, reason: string): Promise<VersionView> {
    const { document } = await this.finder.document(this.tx.db, actor, documentId);
    if (!actsInAgency(actor, document.agencyId)) throw new DomainException(ErrorCode.DocumentNotFound);
    if (!document.currentVersionId || document.status !== 'active') {
      throw new DomainException(ErrorCode.DocumentNoEffectiveVersion);
    }
    const confirmation = await this.auth.confirmPassword(actor, password);
    return this.step(actor, documentId, document.currentVersionId, undefined, async (step) => {
      const signer = await this.auth.confirmedSigner(step.db, confirmation);
      const now = this.clock.now();
      step.version.state = nextState(step.version.state, VersionAction.Withdraw);
      step.version.obsoletedAt = now;
      step.version.withdrawalReason = reason;
      step.document.status = 'obsolete';
      step.document.nextReviewDate = null;
      step.document.version += 1;
      await this.sign(step, actor, signer, SignatureMeaning.Withdraw, reason);
      return {
        event: { kind: 'withdrawn', reason },
        action: 'document.withdrawn',
        render: [{ versionId: step.version.id, state: step.version.state }],
        saveDocument: true,
      };
    });
  }

  /**
   * Cheap checks before asking for a password: the version exists for this actor, in their agency,
   * and segregation of duties lets them take this step (checked again under the lock).
   */
  private async assertCanAct(
    actor: Actor,
    documentId: string,
    versionId: string,
    duty: DutyStep,
  ): Promise<void> {
    const db = this.tx.db;
    const { document, version } = await this.finder.version(db, actor, documentId, versionId);
    if (!actsInAgency(actor, document.agencyId)) throw new DomainException(ErrorCode.DocumentVersionNotFound);
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
        ? (await this.versions.signatures(db, [version.id]))
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
      action: string;
      render?: { versionId: string; state: VersionState }[];
      saveDocument?: boolean;
    }>,
  ): Promise<VersionView> {
    const outcome = await this.tx.run(async (db): Promise<Outcome> => {
      // Document row first, then the version: every transition of one document queues here.
      const { document } = await this.finder.document(db, actor, documentId, true);
      const { version } = await this.finder.version(db, actor, documentId, versionId, { lock: true });
      if (!actsInAgency(actor, document.agencyId))
        throw new DomainException(ErrorCode.DocumentVersionNotFound);
      if (expectedVersion !== undefined && version.version !== expectedVersion) {
        throw new DomainException(ErrorCode.PreconditionFailed, { currentVersion: version.version });
      }
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
      const notificationIds = await this.notifier.notify(db, document, version, result.event);
      return {
        view: await this.versionsService.view(db, version),
        notificationIds,
        render: result.render ?? [],
      };
    });
    await this.notifier.deliver(outcome.notificationIds);
    for (const { versionId: id, state } of outcome.render) {
      await this.jobs.enqueue(
        JobName.PdfControlledCopy,
        { versionId: id },
        { jobId: jobIdOf(JobName.PdfControlledCopy, id, state) },
      );
    }
    return outcome.view;
  }

  private async sign(
    { document, version, db }: Step,
    actor: Actor,
    signer: Signer,
    meaning: SignatureMeaning,
    comment?: string | null,
    extra?: Record<string, unknown>,
  ): Promise<void> {
    const signedAt = this.clock.now();
    const files = await this.files.listByVersion(db, version.id);
    await this.versions.insertSignature(db, {
      id: randomUUID(),
      versionId: version.id,
      meaning,
      signerId: signer.userId,
      signerName: signer.fullName,
      signerPosition: signer.position,
      signerRole: actor.roles.join(','),
      signedAt,
      contentHash: signatureContentHash({
        document,
        version,
        files,
        meaning,
        signerId: signer.userId,
        signedAt,
        extra,
      }),
      comment: comment ?? null,
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
