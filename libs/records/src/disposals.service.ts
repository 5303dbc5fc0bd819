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
import { Db, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { AuthService } from '@eiso/identity';
import { jobIdOf, JobOutbox } from '@eiso/queue';
import { disposalContentHash, disposalSignatureVerifies, signedRecords } from './disposal-content';
import { ineligibleRecords, OpenBatch } from './disposal-eligibility';
import { DisposalAction, nextDisposalState } from './disposal-state-machine';
import { DisposalEntity } from './disposal.entity';
import { DisposalRepository } from './disposal.repository';
import { RecordFileRepository } from './record-file.repository';
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
    private readonly files: RecordFileRepository,
    private readonly finder: RecordFinder,
    private readonly notifier: RecordsNotifier,
    private readonly auth: AuthService,
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
        approvedBy: null,
        signerName: null,
        signerPosition: null,
        signerRole: null,
        signedAt: null,
        contentHash: null,
        signerPasswordSetAt: null,
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
  async approve(actor: Actor, id: string, password: string): Promise<DisposalView> {
    const pending = await this.finder.disposal(this.tx.db, actor, id);
    nextDisposalState(pending.state, DisposalAction.Approve);
    assertNotProposer(actor, pending);
    const confirmation = await this.auth.confirmPassword(actor, password);
    return this.commit(async (db) => {
      const { disposal, ids, records } = await this.lockBatch(db, actor, id);
      const signer = await this.auth.confirmedSigner(db, confirmation);
      const state = nextDisposalState(disposal.state, DisposalAction.Approve);
      assertNotProposer(actor, disposal);
      const held = records.filter((r) => r.holdReason !== null).map((r) => r.id);
      if (held.length) throw new DomainException(ErrorCode.DisposalHasHeldRecords, { recordIds: held });
      const signedAt = this.clock.now();
      // The batch's own items are not "in another batch"; holds were refused just above.
      const refused = ineligibleRecords({ ids, records, openBatches: new Map(), now: signedAt });
      if (refused.length) {
        throw new DomainException(ErrorCode.DisposalRecordsNotEligible, {
          records: refused,
          requested: ids.length,
        });
      }
      const stored = await this.files.listStoredByRecords(db, ids);
      disposal.state = state;
      disposal.approvedBy = signer.userId;
      disposal.signerName = signer.fullName;
      disposal.signerPosition = signer.position;
      disposal.signerRole = actor.roles.join(',');
      disposal.signedAt = signedAt;
      disposal.signerPasswordSetAt = signer.passwordSetAt;
      disposal.contentHash = disposalContentHash({
        disposal,
        records: signedRecords(ids, stored),
        signerId: signer.userId,
        signedAt,
      });
      await this.disposals.save(db, disposal, signedAt);
      await this.auditTrail.record(db, actor, {
        agencyId: disposal.agencyId,
        entityType: 'disposal',
        entityId: disposal.id,
        action: 'disposal.approved',
        before: { state: DisposalState.Proposed },
        after: {
          state: disposal.state,
          signerName: signer.fullName,
          signerPosition: signer.position,
          contentHash: disposal.contentHash,
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
      return this.outcome(db, disposal, ids, { kind: 'approved', by: signer.fullName });
    });
  }

  /** The approver turns the batch down: its records stay exactly as they were, free to be proposed again. */
  async reject(actor: Actor, id: string, reason?: string | null): Promise<DisposalView> {
    await this.finder.disposal(this.tx.db, actor, id);
    return this.commit(async (db) => {
      const { disposal, ids } = await this.lockBatch(db, actor, id);
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
    const verified = disposal.signedAt
      ? disposalSignatureVerifies(disposal, ids, await this.files.listStoredAt(db, ids, disposal.signedAt))
      : null;
    return toDisposalView(disposal, ids, verified);
  }

  async list(actor: Actor, query: ListDisposalsQuery): Promise<Page<DisposalView>> {
    const [rows, total] = await this.disposals.findPage(
      this.tx.db,
      agencyOf(actor),
      query.state,
      offsetOf(query),
      query.pageSize,
    );
    return pageOf(rows, total, query, (d) => toDisposalView(d));
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
  ): Promise<Outcome> {
    return {
      view: toDisposalView(disposal, ids),
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
