import { Injectable, Logger } from '@nestjs/common';
import { Clock, JobName, JobPayloads, Role, todayInVietnam } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { UserDirectory } from '@eiso/identity';
import { NewNotification, NotificationsService, webLink } from '@eiso/notifications';
import { JobHandler, JobHandlerContract, JobSummary } from '@eiso/queue';
import { DOCUMENT_MESSAGES } from './documents.messages';
import { DocumentRepository } from './document.repository';
import { DocumentsService } from './documents.service';

/**
 * Daily: documents whose periodic review is due within 30 days (or overdue) notify the owner unit's
 * reviewers and the agency's ISO secretaries, once per document per day however often it runs.
 */
@Injectable()
@JobHandler(JobName.DocumentsReviewDue)
export class ReviewDueJobHandler implements JobHandlerContract<JobName.DocumentsReviewDue> {
  private readonly logger = new Logger(ReviewDueJobHandler.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly documents: DocumentRepository,
    private readonly documentsService: DocumentsService,
    private readonly notifications: NotificationsService,
    private readonly users: UserDirectory,
    private readonly clock: Clock,
  ) {}

  async handle(_payload: JobPayloads[JobName.DocumentsReviewDue]): Promise<JobSummary> {
    const today = todayInVietnam(this.clock.now());
    let documentsDue = 0;
    const ids = await this.tx.run(async (db) => {
      const due = await this.documents.findReviewDue(db, this.documentsService.reviewDueBy());
      documentsDue = due.length;
      const items: NewNotification[] = [];
      for (const d of due) {
        const reviewers = d.ownerOrgUnitId
          ? await this.users.withRole(d.agencyId, Role.Reviewer, { orgUnitId: d.ownerOrgUnitId }, db)
          : [];
        const secretaries = await this.users.withRole(d.agencyId, Role.IsoSecretary, {}, db);
        const text = DOCUMENT_MESSAGES.reviewDue(d.code, d.title, d.nextReviewDate ?? today);
        for (const userId of new Set([...reviewers, ...secretaries].map((u) => u.id))) {
          items.push({
            userId,
            agencyId: d.agencyId,
            kind: 'document.review_due',
            title: text.title,
            body: text.body,
            entityType: 'document',
            entityId: d.id,
            link: webLink.document(d.id),
            dedupKey: `document.review_due:${d.id}:${today}`,
          });
        }
      }
      this.logger.log(`Xem xét định kỳ: ${due.length} tài liệu đến hạn, ${items.length} thông báo cần gửi`);
      return this.notifications.notify(db, items);
    });
    return { documentsDue, notifications: ids.length };
  }
}
