import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainException, ErrorCode } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { UserDirectory } from '@eiso/identity';
import { AcknowledgementRepository } from './acknowledgement.repository';
import { actsInAgency } from './document-access';
import { DocumentFinder } from './document-finder';
import { DocumentRepository } from './document.repository';
import { VersionState } from './document-type';

export interface AcknowledgementReport {
  versionId: string;
  acknowledged: {
    userId: string;
    username: string;
    fullName: string;
    acknowledgedAt: string;
    listed: boolean;
  }[];
  pending: { userId: string; username: string; fullName: string; orgUnitId: string | null }[];
}

const ACKNOWLEDGEABLE: readonly VersionState[] = [VersionState.Effective, VersionState.Scheduled];

/** "Đã đọc và hiểu": readers of the version in force confirm once; the secretary sees who has not. */
@Injectable()
export class AcknowledgementsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly acknowledgements: AcknowledgementRepository,
    private readonly documents: DocumentRepository,
    private readonly users: UserDirectory,
    private readonly finder: DocumentFinder,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  async acknowledge(
    actor: Actor,
    documentId: string,
    versionId: string,
  ): Promise<{ acknowledgedAt: string }> {
    return this.tx.run(async (db) => {
      const { document, version } = await this.finder.version(db, actor, documentId, versionId);
      if (!actsInAgency(actor, document.agencyId))
        throw new DomainException(ErrorCode.DocumentVersionNotFound);
      // A version issued for a later date may be read and acknowledged ahead (training before the date).
      if (!ACKNOWLEDGEABLE.includes(version.state)) throw new DomainException(ErrorCode.DocumentNotEffective);
      const at = this.clock.now();
      if (!(await this.acknowledgements.insert(db, version.id, actor.userId, at))) {
        throw new DomainException(ErrorCode.DocumentAlreadyAcknowledged);
      }
      await this.auditTrail.record(db, actor, {
        agencyId: document.agencyId,
        entityType: 'document_version',
        entityId: version.id,
        action: 'document_version.acknowledged',
        after: { userId: actor.userId },
      });
      return { acknowledgedAt: at.toISOString() };
    });
  }

  async report(actor: Actor, documentId: string, versionId: string): Promise<AcknowledgementReport> {
    const db = this.tx.db;
    const { document, version } = await this.finder.version(db, actor, documentId, versionId);
    if (!actsInAgency(actor, document.agencyId)) throw new DomainException(ErrorCode.DocumentVersionNotFound);
    // Everyone on the distribution list (active) plus anyone else who acknowledged, by name.
    const targets = await this.documents.distributionTargets(db, documentId);
    const listed = new Set((await this.users.activeIn(targets, db)).map((u) => u.id));
    const acknowledgedAt = new Map(
      (await this.acknowledgements.ofVersion(db, version.id)).map((a) => [a.userId, a.acknowledgedAt]),
    );
    const people = await this.users.cardsOf([...listed, ...acknowledgedAt.keys()], db);
    return {
      versionId: version.id,
      acknowledged: people
        .filter((u) => acknowledgedAt.has(u.id))
        .map((u) => ({
          userId: u.id,
          username: u.username,
          fullName: u.fullName,
          acknowledgedAt: acknowledgedAt.get(u.id)!.toISOString(),
          listed: listed.has(u.id),
        })),
      pending: people
        .filter((u) => listed.has(u.id) && !acknowledgedAt.has(u.id))
        .map((u) => ({ userId: u.id, username: u.username, fullName: u.fullName, orgUnitId: u.orgUnitId })),
    };
  }
}
