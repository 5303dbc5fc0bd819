import { Injectable, Logger } from '@nestjs/common';
import { Clock, JobName, JobPayloads, todayInVietnam } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { JobHandler, JobHandlerContract, JobSummary } from '@eiso/queue';
import { CapaDueNotifier } from './capa-due-notifier';
import { dueSoonWindow } from './capa-due.rules';
import { CapaReminderRepository } from './capa-reminder.repository';

/**
 * Daily `capa.due` (06:15 ICT, and at start when a run was missed). On today's state, in Vietnam's
 * calendar, it reminds the owner of an open action once when it comes within DUE_SOON_DAYS days of
 * its due date, tells the owner of each overdue action and escalates those to the agency's
 * approvers every day until done (only actions of corrective actions in progress), and reminds the verifier every day from the day an effectiveness
 * check falls due until it is recorded. Each item is reminded of at most once per kind and day
 * (`capa_reminder`, claimed and notified in one transaction): a second run the same day sends
 * nothing, and a run after missed days sends today's reminders once, not one per missed day.
 */
@Injectable()
@JobHandler(JobName.CapaDue)
export class CapaDueJobHandler implements JobHandlerContract<JobName.CapaDue> {
  private readonly logger = new Logger(CapaDueJobHandler.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly reminders: CapaReminderRepository,
    private readonly notifier: CapaDueNotifier,
    private readonly clock: Clock,
  ) {}

  async handle(_payload: JobPayloads[JobName.CapaDue]): Promise<JobSummary> {
    const now = this.clock.now();
    const today = todayInVietnam(now);
    const window = dueSoonWindow(today);
    return this.tx.run(async (db) => {
      const dueSoon = await this.reminders.claimActionsDueBetween(db, today, window.from, window.to, now);
      const overdue = await this.reminders.claimActionsOverdue(db, today, now);
      const verifications = await this.reminders.claimVerificationsDue(db, today, now);
      const { ids, agenciesEscalated } = await this.notifier.notify(db, today, {
        dueSoon,
        overdue,
        verifications,
      });
      this.logger.log(
        `Hành động khắc phục ngày ${today}: ${dueSoon.length} sắp đến hạn, ${overdue.length} quá hạn, ` +
          `${verifications.length} đến hạn kiểm tra hiệu lực; ${ids.length} thông báo`,
      );
      return {
        day: today,
        actionDueSoon: dueSoon.length,
        actionOverdue: overdue.length,
        verificationDue: verifications.length,
        agenciesEscalated,
        notifications: ids.length,
      };
    });
  }
}
