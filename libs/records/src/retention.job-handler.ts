import { Injectable, Logger } from '@nestjs/common';
import { Clock, JobName, JobPayloads, Role, systemActor, todayInVietnam } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { UserDirectory } from '@eiso/identity';
import { NewNotification, NotificationsService, webLink } from '@eiso/notifications';
import { JobContext, JobHandler, JobHandlerContract, jobIdOf, JobOutbox, JobSummary } from '@eiso/queue';
import { DisposalRepository } from './disposal.repository';
import { RecordRepository } from './record.repository';
import { RECORD_MESSAGES } from './records.messages';

/**
 * Daily: `active` records whose retention has ended, and that are not on hold, become
 * `due_for_disposal` in one set-based UPDATE. In the same transaction each agency gets one audit
 * event listing the records it moved, and its ISO secretaries one notification naming them.
 * A second run the same day finds nothing left to move. It also queues again the dispose job of
 * any signed batch not yet carried out under the same job id: a dispose job that failed for good
 * (its store was down through every retry) runs again, as the queue replaces a failed job.
 */
@Injectable()
@JobHandler(JobName.RecordsRetention)
export class RetentionJobHandler implements JobHandlerContract<JobName.RecordsRetention> {
  private readonly logger = new Logger(RetentionJobHandler.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly records: RecordRepository,
    private readonly disposals: DisposalRepository,
    private readonly outbox: JobOutbox,
    private readonly auditTrail: AuditTrailService,
    private readonly notifications: NotificationsService,
    private readonly users: UserDirectory,
    private readonly clock: Clock,
  ) {}

  async handle(_payload: JobPayloads[JobName.RecordsRetention], context: JobContext): Promise<JobSummary> {
    const now = this.clock.now();
    const today = todayInVietnam(now);
    let recordsMoved = 0;
    let agencies = 0;
    const ids = await this.tx.run(async (db) => {
      const due = await this.records.markDue(db, today, now);
      if (!due.length) return [];
      recordsMoved = due.reduce((n, d) => n + d.count, 0);
      agencies = due.length;
      const secretaries = await this.users.withRoleIn(
        due.map((d) => d.agencyId),
        Role.IsoSecretary,
        db,
      );
      await this.auditTrail.record(
        db,
        systemActor(context.jobId),
        ...due.map((d) => ({
          agencyId: d.agencyId,
          entityType: 'agency',
          entityId: d.agencyId,
          action: 'record.retention_due' as const,
          after: { date: today, count: d.count, recordIds: d.recordIds },
        })),
      );
      const items: NewNotification[] = due.flatMap((d) => {
        const text = RECORD_MESSAGES.retentionDue(d.count, today, d.samples);
        return (secretaries.get(d.agencyId) ?? []).map(({ id: userId }) => ({
          userId,
          agencyId: d.agencyId,
          kind: 'record.retention_due',
          title: text.title,
          body: text.body,
          entityType: 'agency',
          entityId: d.agencyId,
          link: webLink.recordsDueForDisposal(),
          // The moved set is unique to its run (a record falls due once): any of its ids keys it.
          dedupKey: `record.retention_due:${d.agencyId}:${today}:${d.firstId}`,
        }));
      });
      this.logger.log(`Thời hạn lưu trữ: ${recordsMoved} hồ sơ của ${agencies} cơ quan đến hạn hủy`);
      return this.notifications.notify(db, items);
    });
    const approved = await this.tx.run(async (db) => {
      const signed = await this.disposals.approvedIds(db);
      for (const disposalId of signed) {
        await this.outbox.add(
          db,
          JobName.RecordsDispose,
          { disposalId },
          { jobId: jobIdOf(JobName.RecordsDispose, disposalId) },
        );
      }
      return signed;
    });
    return { recordsMoved, agencies, notifications: ids.length, disposalsRequeued: approved.length };
  }
}
