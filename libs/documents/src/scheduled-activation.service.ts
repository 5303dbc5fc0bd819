import { Injectable, Logger } from '@nestjs/common';
import { Clock, JobName, systemActor, todayInVietnam } from '@eiso/common';
import { Db, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { JobOutbox, jobIdOf } from '@eiso/queue';
import { DocumentNotifier } from './document-notifier';
import { VersionState } from './document-type';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentVersionRepository } from './document-version.repository';
import { DocumentRepository } from './document.repository';
import { nextState, VersionAction } from './version-state-machine';
import { putInForce, retireOlderVersions } from './version-supersession';

const ACTOR_REQUEST_ID = JobName.DocumentsActivateScheduled;

/**
 * Versions issued for a later date come into force on it: scheduled → effective, the version in
 * force until then → superseded, both controlled copies rendered anew and the distribution list
 * told. One transaction per document, under its row lock, rechecking state and date there, so a
 * run racing an issue, a withdrawal or another run changes each document at most once.
 */
@Injectable()
export class ScheduledActivationService {
  private readonly logger = new Logger(ScheduledActivationService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly documents: DocumentRepository,
    private readonly versions: DocumentVersionRepository,
    private readonly notifier: DocumentNotifier,
    private readonly auditTrail: AuditTrailService,
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
  ) {}

  /** Activates every version due by today (Vietnam time); answers how many came into force. */
  async activateDue(): Promise<{ due: number; activated: number }> {
    const today = todayInVietnam(this.clock.now());
    const due = await this.versions.findScheduledDue(this.tx.db, today);
    let activated = 0;
    for (const { id, documentId } of due) {
      if (await this.activate(documentId, id, today)) activated += 1;
    }
    this.logger.log(`Hiệu lực theo lịch: ${activated}/${due.length} phiên bản bắt đầu có hiệu lực`);
    return { due: due.length, activated };
  }

  private async activate(documentId: string, versionId: string, today: string): Promise<boolean> {
    return this.tx.run(async (db) => {
      const document = await this.documents.findByIdForUpdate(db, documentId);
      const version = await this.versions.findForUpdate(db, documentId, versionId);
      if (
        !document ||
        !version ||
        version.state !== VersionState.Scheduled ||
        document.scheduledVersionId !== version.id ||
        !version.effectiveFrom ||
        version.effectiveFrom > today
      ) {
        return false;
      }
      const now = this.clock.now();
      const { retired, events } = await retireOlderVersions(db, this.versions, document, version, {
        keepEffective: false,
        now,
      });
      version.state = nextState(version.state, VersionAction.Activate);
      putInForce(document, version);
      document.version += 1;
      await this.versions.save(db, version);
      await this.documents.save(db, document);
      const actor = systemActor(ACTOR_REQUEST_ID);
      await this.auditTrail.record(
        db,
        actor,
        {
          agencyId: document.agencyId,
          entityType: 'document_version',
          entityId: version.id,
          action: 'document_version.activated',
          before: { state: VersionState.Scheduled },
          after: {
            state: version.state,
            issueNumber: version.issueNumber,
            effectiveFrom: version.effectiveFrom,
          },
        },
        ...events,
      );
      // The e-mails and the controlled copies commit with the activation (the job outbox).
      await this.notifier.notify(db, document, version, { kind: 'activated' });
      for (const v of [version, ...retired.filter((s) => s.issueNumber !== null)]) {
        await this.queueCopy(db, v);
      }
      return true;
    });
  }

  private queueCopy(db: Db, version: DocumentVersionEntity): Promise<void> {
    return this.outbox.add(
      db,
      JobName.PdfControlledCopy,
      { versionId: version.id },
      { jobId: jobIdOf(JobName.PdfControlledCopy, version.id, version.state) },
    );
  }
}
