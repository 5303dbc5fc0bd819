import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  Actor,
  Clock,
  DomainException,
  ErrorCode,
  JobName,
  offsetOf,
  Page,
  PageRequest,
  pageOf,
} from '@eiso/common';
import { assertVersion, Db, TransactionRunner } from '@eiso/database';
import { AttachmentsService } from '@eiso/attachments';
import { AuditTrailService } from '@eiso/audit-trail';
import { AuthService } from '@eiso/identity';
import { jobIdOf, JobOutbox } from '@eiso/queue';
import {
  SignatureEntity,
  SignatureMeaning,
  SignatureSubjectType,
  SignaturesService,
  signatureVerifies,
} from '@eiso/signatures';
import { approvalOf, disposalSignedContent, disposalSubject, signedRecords } from './disposal-content';
import { ineligibleRecords, OpenBatch } from './disposal-eligibility';
import { DisposalAction, nextDisposalState } from './disposal-state-machine';
import { DisposalEntity } from './disposal.entity';
import { DisposalRepository } from './disposal.repository';
import { RECORD_ATTACHMENTS } from './record-attachment-subject';
import { agencyOf, RecordFinder } from './record-finder';
import { DisposalState } from './record-state';
import { RecordEntity } from './record.entity';
import { RecordRepository } from './record.repository';
import { DisposalView, toDisposalView } from './record.views';
import { DisposalEvent, RecordsNotifier } from './records-notifier';

export interface ListDisposalsQuery extends PageRequest {
  state?: DisposalState;
}

interface Outcome {
  view: DisposalView;
  notificationIds: string[];
}

/**
 * Disposal batches (DESIGN §5): the ISO secretary proposes records past retention, an approver
 * signs with their password (or rejects); after commit the `records.dispose` job deletes the
 * files. Every path locks the batch's records in id order before the batch row.
 */
@Injectable()
export class DisposalsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly disposals: DisposalRepository,
    private readonly records: RecordRepository,
    private readonly attachments: AttachmentsService,
    private readonly finder: RecordFinder,
    private readonly notifier: RecordsNotifier,
    private readonly auth: AuthService,
    private readonly signatures: SignaturesService,
    private readonly auditTrail: AuditTrailService,
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
  ) {}

  /** Only `due_for_disposal` records of one's agency, not on hold, not in another open batch. */
  async propose(actor: Actor, recordIds: string[], note?: string | null): Promise<DisposalView> {
    const agencyId = agencyOf(actor);
    const ids = [...new Set(recordIds)].sort();
    // Two proposals racing for one record: the partial unique index lets one through.
    return this.commit(async (db) => {
      const records = await this.records.lockMany(db, agencyId, ids);
      const now = this.clock.now();
      const openBatches = new Map<string, OpenBatch>(
        (await this.records.openDisposals(db, ids)).map((o) => [o.recordId, o]),
      );
      const refused = ineligibleRecords({ ids, records, openBatches, now });
      if (refused.length) {
        throw new DomainException(ErrorCode.DisposalRecordsNotEligible, {
          records: refused,
          requested: ids.length,
        });
      }
      const proposer = await this.auth.signerOf(actor, db);
      const disposal: DisposalEntity = {
        id: randomUUID(),
        agencyId,
        number: await this.disposals.nextNumber(db, agencyId),
        state: DisposalState.Proposed,
        note: note?.trim() || null,
        recordCount: ids.length,
        proposedBy: actor.userId,
        proposedAt: now,
        proposerName: proposer.fullName,
        proposerPosition: proposer.position,
        rejectedBy: null,
        rejectedAt: null,
        rejectionReason: null,
        completedAt: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await this.disposals.insert(db, disposal, ids);
      await this.auditTrail.record(db, actor, {
        agencyId,
        entityType: 'disposal',
        entityId: disposal.id,
        action: 'disposal.proposed',
        after: { number: disposal.number, state: disposal.state, recordIds: ids, note: disposal.note },
      });
      return this.outcome(db, disposal, ids, { kind: 'proposed', by: proposer.fullName });
    });
  }

  /**
   * The approver's signature: password again, not the proposer, the batch still `proposed` and
   * none of its records on hold (the whole approval is refused, listing them). The signature
   * hashes the records and their files' sha256; the dispose job commits with it (the job outbox).
   */
  async approve(actor: Actor, id: string, password: string, expectedVersion?: number): Promise<DisposalView> {
    const pending = await this.finder.disposal(this.tx.db, actor, id);
    // A stale batch is refused before the password is asked for, and again under the lock.
    assertVersion(pending, expectedVersion);
    nextDisposalState(pending.state, DisposalAction.Approve);
    assertNotProposer(actor, pending);
    const confirmed = await this.signatures.confirmPassword(actor, password);
    return this.commit(async (db) => {
      const { disposal, ids, records } = await this.lockBatch(db, actor, id);
      assertVersion(disposal, expectedVersion);
      const state = nextDisposalState(disposal.state, DisposalAction.Approve);
      assertNotProposer(actor, disposal);
      const held = records.filter((r) => r.holdReason !== null).map((r) => r.id);
      if (held.length) throw new DomainException(ErrorCode.DisposalHasHeldRecords, { recordIds: held });
      // The batch's own items are not "in another batch"; holds were refused just above.
      const refused = ineligibleRecords({ ids, records, openBatches: new Map(), now: this.clock.now() });
      if (refused.length) {
        throw new DomainException(ErrorCode.DisposalRecordsNotEligible, {
          records: refused,
          requested: ids.length,
        });
      }
      const stored = await this.attachments.listStored(db, RECORD_ATTACHMENTS, ids);
      const approval = await this.signatures.sign(db, {
        actor,
        password: confirmed,
        subject: disposalSubject(disposal.id),
        meaning: SignatureMeaning.Dispose,
        content: disposalSignedContent(disposal, signedRecords(ids, stored)),
      });
      disposal.state = state;
      await this.disposals.save(db, disposal, approval.signedAt);
      await this.auditTrail.record(db, actor, {
        agencyId: disposal.agencyId,
        entityType: 'disposal',
        entityId: disposal.id,
        action: 'disposal.approved',
        before: { state: DisposalState.Proposed },
        after: {
          state: disposal.state,
          signerName: approval.signerName,
          signerPosition: approval.signerPosition,
          contentHash: approval.contentHash,
          records: ids.length,
          files: stored.length,
        },
      });
      await this.outbox.add(
        db,
        JobName.RecordsDispose,
        { disposalId: id },
        { jobId: jobIdOf(JobName.RecordsDispose, id) },
      );
      return this.outcome(db, disposal, ids, { kind: 'approved', by: approval.signerName }, approval);
    });
  }

  /** The approver turns the batch down: its records stay exactly as they were, free to be proposed again. */
  async reject(
    actor: Actor,
    id: string,
    reason?: string | null,
    expectedVersion?: number,
  ): Promise<DisposalView> {
    assertVersion(await this.finder.disposal(this.tx.db, actor, id), expectedVersion);
    return this.commit(async (db) => {
      const { disposal, ids } = await this.lockBatch(db, actor, id);
      assertVersion(disposal, expectedVersion);
      const now = this.clock.now();
      disposal.state = nextDisposalState(disposal.state, DisposalAction.Reject);
      disposal.rejectedBy = actor.userId;
      disposal.rejectedAt = now;
      disposal.rejectionReason = reason?.trim() || null;
      await this.disposals.rejectItems(db, disposal.id);
      await this.disposals.save(db, disposal, now);
      await this.auditTrail.record(db, actor, {
        agencyId: disposal.agencyId,
        entityType: 'disposal',
        entityId: disposal.id,
        action: 'disposal.rejected',
        before: { state: DisposalState.Proposed },
        after: { state: disposal.state, reason: disposal.rejectionReason },
      });
      const by = (await this.auth.signerOf(actor, db)).fullName;
      return this.outcome(db, disposal, ids, { kind: 'rejected', by, reason: disposal.rejectionReason });
    });
  }

  /** One batch, with its records and whether its signature still matches what is stored. */
  async get(actor: Actor, id: string): Promise<DisposalView> {
    const db = this.tx.db;
    const disposal = await this.finder.disposal(db, actor, id);
    const ids = await this.disposals.recordIds(db, id);
    const approval = approvalOf(await this.signatures.listFor(db, disposalSubject(id)), id);
    if (!approval) return toDisposalView(disposal, null, ids);
    // Deleted files keep their sha256: the content is rebuilt from the files the records had at signing.
    const filesAtSigning = await this.attachments.listStored(db, RECORD_ATTACHMENTS, ids, approval.signedAt);
    const content = disposalSignedContent(disposal, signedRecords(ids, filesAtSigning));
    return toDisposalView(disposal, approval, ids, signatureVerifies(approval, content));
  }

  async list(actor: Actor, query: ListDisposalsQuery): Promise<Page<DisposalView>> {
    const [rows, total] = await this.disposals.findPage(
      this.tx.db,
      agencyOf(actor),
      query.state,
      offsetOf(query),
      query.pageSize,
    );
    const signatures = await this.signatures.listForMany(
      this.tx.db,
      SignatureSubjectType.Disposal,
      rows.map((d) => d.id),
    );
    return pageOf(rows, total, query, (d) => toDisposalView(d, approvalOf(signatures, d.id)));
  }

  /** Records first (id order), then the batch row: the lock order every batch path shares. */
  private async lockBatch(
    db: Db,
    actor: Actor,
    id: string,
  ): Promise<{ disposal: DisposalEntity; ids: string[]; records: RecordEntity[] }> {
    const ids = await this.disposals.recordIds(db, id);
    const unlocked = await this.finder.disposal(db, actor, id);
    const records = await this.records.lockMany(db, unlocked.agencyId, ids);
    const disposal = await this.finder.disposal(db, actor, id, true);
    return { disposal, ids, records };
  }

  private async outcome(
    db: Db,
    disposal: DisposalEntity,
    ids: string[],
    event: DisposalEvent,
    approval: SignatureEntity | null = null,
  ): Promise<Outcome> {
    return {
      view: toDisposalView(disposal, approval, ids),
      notificationIds: await this.notifier.notify(db, disposal, event),
    };
  }

  /** Runs the step in one transaction; its notifications and jobs commit with it (the job outbox). */
  private async commit(work: (db: Db) => Promise<Outcome>): Promise<DisposalView> {
    const outcome = await this.tx.run(work);
    return outcome.view;
  }
}

/** Segregation of duties: whoever proposed a batch does not also sign it. */
function assertNotProposer(actor: Actor, disposal: DisposalEntity): void {
  if (disposal.proposedBy === actor.userId) throw new DomainException(ErrorCode.DisposalSelfApproval);
}
