import { Injectable, Logger } from '@nestjs/common';
import { Actor, Clock, PermanentJobError, systemActor } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { AttachmentsService } from '@eiso/attachments';
import { SignaturesService } from '@eiso/signatures';
import { approvalOf, disposalSubject, disposedSha256 } from './disposal-content';
import { DisposalAction, nextDisposalState } from './disposal-state-machine';
import { DisposalEntity } from './disposal.entity';
import { DisposalRepository } from './disposal.repository';
import { DisposalState, RecordState } from './record-state';
import { recordFiles } from './record-attachment-subject';
import { RecordRepository } from './record.repository';
import { RecordsNotifier } from './records-notifier';

/**
 * Carries out a signed batch, record by record: delete the record's objects (deleting a missing
 * key succeeds), then in one transaction mark it `disposed` with its tombstone, mark its file rows
 * deleted and write the audit event. A storage error is rethrown before that transaction, so the
 * record stays `due_for_disposal` and the job is retried; disposed records are skipped, so a
 * second run changes nothing. The batch completes when every record is disposed.
 */
@Injectable()
export class DisposalExecutor {
  private readonly logger = new Logger(DisposalExecutor.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly disposals: DisposalRepository,
    private readonly records: RecordRepository,
    private readonly attachments: AttachmentsService,
    private readonly notifier: RecordsNotifier,
    private readonly signatures: SignaturesService,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  async dispose(disposalId: string, requestId: string): Promise<void> {
    const disposal = await this.disposals.findById(this.tx.db, disposalId);
    if (!disposal) throw new PermanentJobError(`Không tìm thấy đợt hủy hồ sơ ${disposalId}`);
    if (disposal.state === DisposalState.Completed) return;
    if (disposal.state !== DisposalState.Approved) {
      throw new PermanentJobError(`Đợt hủy hồ sơ ${disposalId} chưa được phê duyệt (${disposal.state})`);
    }
    const approval = approvalOf(
      await this.signatures.listFor(this.tx.db, disposalSubject(disposalId)),
      disposalId,
    );
    if (!approval) throw new PermanentJobError(`Đợt hủy hồ sơ ${disposalId} không có chữ ký phê duyệt`);
    const actor = systemActor(requestId);
    const ids = await this.disposals.recordIds(this.tx.db, disposalId);
    let disposed = 0;
    for (const recordId of ids) {
      if (await this.disposeRecord(disposal, approval.signerId, recordId, actor)) disposed += 1;
    }
    await this.complete(disposal.id, approval.signerId, actor);
    this.logger.log(`Đợt hủy ${disposalId}: đã hủy ${disposed} hồ sơ trong lần chạy này`);
  }

  private async disposeRecord(
    disposal: DisposalEntity,
    approvedBy: string,
    recordId: string,
    actor: Actor,
  ): Promise<boolean> {
    const record = await this.records.findById(this.tx.db, recordId);
    if (!record || record.state === RecordState.Disposed) return false;
    if (record.state !== RecordState.DueForDisposal || record.holdReason !== null) {
      throw new PermanentJobError(`Hồ sơ ${recordId} không còn ở trạng thái chờ hủy (${record.state})`);
    }
    // Uploads need an `active` record, so this list cannot grow while the objects go.
    const files = await this.attachments.deleteObjects(this.tx.db, recordFiles(recordId));
    return this.tx.run(async (db) => {
      const locked = await this.records.findByIdForUpdate(db, recordId);
      if (!locked || locked.state === RecordState.Disposed) return false;
      const now = this.clock.now();
      const sha256 = disposedSha256(files.map((f) => f.sha256));
      locked.state = RecordState.Disposed;
      locked.disposalId = disposal.id;
      locked.disposedAt = now;
      locked.disposedBy = approvedBy;
      locked.disposedSha256 = sha256;
      await this.records.save(db, locked, now);
      await this.attachments.markDeleted(db, recordFiles(recordId), now);
      await this.auditTrail.record(db, actor, {
        agencyId: locked.agencyId,
        entityType: 'record',
        entityId: recordId,
        action: 'record.disposed',
        before: { state: RecordState.DueForDisposal },
        after: {
          state: locked.state,
          disposalId: disposal.id,
          disposedBy: approvedBy,
          sha256,
          files: files.map((f) => ({ id: f.id, sha256: f.sha256 })),
        },
      });
      return true;
    });
  }

  private async complete(disposalId: string, approvedBy: string, actor: Actor): Promise<void> {
    await this.tx.run(async (db) => {
      const disposal = await this.disposals.findByIdForUpdate(db, disposalId);
      if (!disposal || disposal.state === DisposalState.Completed) return;
      const records = await this.records.findByIds(db, await this.disposals.recordIds(db, disposalId));
      const left = records.filter((r) => r.state !== RecordState.Disposed).map((r) => r.id);
      if (left.length) throw new Error(`Đợt hủy ${disposalId} còn ${left.length} hồ sơ chưa hủy`);
      const now = this.clock.now();
      disposal.state = nextDisposalState(disposal.state, DisposalAction.Complete);
      disposal.completedAt = now;
      await this.disposals.save(db, disposal, now);
      await this.auditTrail.record(db, actor, {
        agencyId: disposal.agencyId,
        entityType: 'disposal',
        entityId: disposal.id,
        action: 'disposal.completed',
        before: { state: DisposalState.Approved },
        after: { state: disposal.state, records: records.length },
      });
      await this.notifier.notify(db, disposal, { kind: 'completed', approvedBy });
    });
  }
}
