import { Injectable } from '@nestjs/common';
import { Role } from '@eiso/common';
import { Db } from '@eiso/database';
import { UserDirectory } from '@eiso/identity';
import { NewNotification, NotificationsService, webLink } from '@eiso/notifications';
import { DOCUMENT_MESSAGES } from './documents.messages';
import { DocumentRepository } from './document.repository';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentEntity } from './document.entity';

export type DocumentEvent =
  | { kind: 'submitted'; authorName: string }
  | { kind: 'reviewed' }
  | { kind: 'returned'; by: string; comment: string }
  | { kind: 'approved' }
  | { kind: 'issued' }
  | { kind: 'scheduled' }
  | { kind: 'activated' }
  | { kind: 'withdrawn'; reason: string };

/**
 * Who hears of each step (reviewers on submit, approvers after review, the author on return, the
 * ISO secretary after approval, the distribution list on issue, on a
 * future-dated issue and again when it comes into force). Rows (and their e-mail job) are written
 * in the caller's transaction.
 */
@Injectable()
export class DocumentNotifier {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly notifications: NotificationsService,
    private readonly users: UserDirectory,
  ) {}

  async notify(
    db: Db,
    document: DocumentEntity,
    version: DocumentVersionEntity,
    event: DocumentEvent,
  ): Promise<string[]> {
    const recipients = await this.recipients(db, document, version, event);
    const text = this.text(document, version, event);
    const items: NewNotification[] = [...new Set(recipients)].map((userId) => ({
      userId,
      agencyId: document.agencyId,
      kind: `document.${event.kind}`,
      title: text.title,
      body: text.body,
      entityType: 'document_version',
      entityId: version.id,
      link: webLink.documentVersion(document.id, version.id),
      dedupKey: `document.${event.kind}:${version.id}:${version.version}`,
    }));
    return this.notifications.notify(db, items);
  }

  private async recipients(
    db: Db,
    d: DocumentEntity,
    v: DocumentVersionEntity,
    event: DocumentEvent,
  ): Promise<string[]> {
    switch (event.kind) {
      case 'submitted': {
        // The owner unit's reviewers first; the agency's when that unit has none.
        const own = d.ownerOrgUnitId ? await this.withRole(db, d, Role.Reviewer, d.ownerOrgUnitId) : [];
        const all = own.length ? own : await this.withRole(db, d, Role.Reviewer);
        return all.filter((id) => id !== v.authorId);
      }
      case 'reviewed':
        return (await this.withRole(db, d, Role.Approver)).filter((id) => id !== v.authorId);
      case 'returned':
        return [v.authorId];
      case 'approved':
        return this.withRole(db, d, Role.IsoSecretary);
      case 'issued':
      case 'scheduled':
      case 'activated':
      case 'withdrawn': {
        const listed = await this.users.activeIn(await this.documents.distributionTargets(db, d.id), db);
        return [v.authorId, ...listed.map((u) => u.id)];
      }
    }
  }

  /** Active users of the document's agency (of one org unit when given) holding a role. */
  private async withRole(db: Db, d: DocumentEntity, role: Role, orgUnitId?: string): Promise<string[]> {
    return (await this.users.withRole(d.agencyId, role, { orgUnitId }, db)).map((u) => u.id);
  }

  private text(
    d: DocumentEntity,
    v: DocumentVersionEntity,
    event: DocumentEvent,
  ): { title: string; body: string } {
    switch (event.kind) {
      case 'submitted':
        return DOCUMENT_MESSAGES.submitted(d.code, v.title, event.authorName);
      case 'reviewed':
        return DOCUMENT_MESSAGES.reviewed(d.code, v.title);
      case 'returned':
        return DOCUMENT_MESSAGES.returned(d.code, v.title, event.by, event.comment);
      case 'approved':
        return DOCUMENT_MESSAGES.approved(d.code, v.title);
      case 'issued':
        return DOCUMENT_MESSAGES.issued(d.code, v.title, v.issueNumber ?? 0, v.effectiveFrom ?? '');
      case 'scheduled':
        return DOCUMENT_MESSAGES.scheduled(d.code, v.title, v.issueNumber ?? 0, v.effectiveFrom ?? '');
      case 'activated':
        return DOCUMENT_MESSAGES.activated(d.code, v.title, v.issueNumber ?? 0, v.effectiveFrom ?? '');
      case 'withdrawn':
        return DOCUMENT_MESSAGES.withdrawn(d.code, v.title, event.reason);
    }
  }
}
