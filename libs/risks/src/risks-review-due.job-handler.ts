import { Injectable, Logger } from '@nestjs/common';
import { Clock, JobName, JobPayloads, todayInVietnam } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { NewNotification, NotificationsService, webLink } from '@eiso/notifications';
import { JobHandler, JobHandlerContract, JobSummary } from '@eiso/queue';
import { RiskOwners } from './risk-owners';
import { RiskRepository } from './risk.repository';
import { RISK_MESSAGES } from './risks.messages';

/**
 * Daily `risks.review-due` (06:45 ICT, and at start when a run was missed). Each open risk or
 * opportunity whose review date is today or past is reminded of once per review date — to its
 * owner user, or its owner unit's heads, or the agency's ISO secretaries (RiskOwners). The claim
 * (`risk_reminder`) and the notifications are one transaction: a second run sends nothing, and a
 * run after missed days reminds of every review date that passed meanwhile, once.
 */
@Injectable()
@JobHandler(JobName.RisksReviewDue)
export class RisksReviewDueJobHandler implements JobHandlerContract<JobName.RisksReviewDue> {
  private readonly logger = new Logger(RisksReviewDueJobHandler.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: RiskRepository,
    private readonly owners: RiskOwners,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async handle(_payload: JobPayloads[JobName.RisksReviewDue]): Promise<JobSummary> {
    const now = this.clock.now();
    const today = todayInVietnam(now);
    return this.tx.run(async (db) => {
      const due = await this.repository.claimReviewDue(db, today, now);
      const recipients = await this.owners.recipientsOf(db, due);
      const items: NewNotification[] = [];
      due.forEach((risk, i) => {
        const text = RISK_MESSAGES.reviewDue(
          risk.kind,
          risk.serial,
          risk.description,
          risk.reviewDate,
          risk.level,
          risk.score,
        );
        for (const userId of recipients[i]) {
          items.push({
            userId,
            agencyId: risk.agencyId,
            kind: 'risk.review_due',
            title: text.title,
            body: text.body,
            entityType: 'risk',
            entityId: risk.id,
            link: webLink.risk(risk.id),
            dedupKey: `risk.review_due:${risk.id}:${risk.reviewDate}`,
          });
        }
      });
      const ids = items.length ? await this.notifications.notify(db, items) : [];
      this.logger.log(RISK_MESSAGES.reviewDueLog(today, due.length, ids.length));
      return { day: today, risksDue: due.length, notifications: ids.length };
    });
  }
}
