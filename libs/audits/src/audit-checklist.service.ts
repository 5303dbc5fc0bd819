import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AttachmentsService } from '@eiso/attachments';
import { AuditTrailService } from '@eiso/audit-trail';
import { Actor, Clock, DomainException, ErrorCode } from '@eiso/common';
import { assertVersion, Db, TransactionRunner } from '@eiso/database';
import { ALLOWED_DOCUMENT_MEDIA_TYPES } from '@eiso/storage';
import { assertCanWorkOnChecklist, checklistItemFiles } from './audit-checklist-item-attachment-subject';
import { AuditFinder } from './audit-finder';
import { ChecklistAnswer } from './audit-state';
import { AuditChecklistItemEntity } from './audit-checklist-item.entity';
import { AuditRepository } from './audit.repository';
import {
  ChecklistFileView,
  ChecklistItemView,
  toChecklistFileView,
  toChecklistItemView,
} from './audit.views';

export interface AnswerChecklistItemInput {
  answer?: ChecklistAnswer | null;
  notes?: string | null;
  sample?: string | null;
}

export interface ChecklistFileDownload {
  file: ChecklistFileView;
  stream: Readable;
}

/** The checklist of an audit: read with the audit, answered by its team while in progress. */
@Injectable()
export class AuditChecklistService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audits: AuditRepository,
    private readonly finder: AuditFinder,
    private readonly attachments: AttachmentsService,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  get maxBytes(): number {
    return this.attachments.maxBytes;
  }

  async list(actor: Actor, auditId: string): Promise<{ items: ChecklistItemView[] }> {
    const db = this.tx.db;
    const audit = await this.finder.findReadable(actor, auditId, db);
    return { items: (await this.audits.itemsOf(db, audit.id)).map(toChecklistItemView) };
  }

  async get(actor: Actor, auditId: string, itemId: string): Promise<ChecklistItemView> {
    const db = this.tx.db;
    const audit = await this.finder.findReadable(actor, auditId, db);
    return toChecklistItemView(await this.item(db, audit.id, itemId));
  }

  /**
   * Answers an item (answer, notes, sample checked); fields left out keep their value. A change
   * bumps the item's and the audit's version; a PATCH changing nothing writes nothing.
   */
  async answer(
    actor: Actor,
    auditId: string,
    itemId: string,
    input: AnswerChecklistItemInput,
    expectedVersion?: number,
  ): Promise<ChecklistItemView> {
    return this.tx.run(async (db) => {
      const audit = await this.finder.findForUpdate(db, actor, auditId);
      const item = await this.item(db, audit.id, itemId, true);
      assertCanWorkOnChecklist(actor, audit);
      assertVersion(item, expectedVersion);
      const before = { answer: item.answer, notes: item.notes, sample: item.sample };
      if (input.answer !== undefined) item.answer = input.answer;
      if (input.notes !== undefined) item.notes = input.notes?.trim() || null;
      if (input.sample !== undefined) item.sample = input.sample?.trim() || null;
      // Nothing changed: no new version, no trail entry, the item as it is.
      if (item.answer === before.answer && item.notes === before.notes && item.sample === before.sample) {
        return toChecklistItemView(item);
      }
      const now = this.clock.now();
      item.answeredBy = actor.userId;
      item.answeredAt = now;
      await this.audits.saveItem(db, item, now);
      // The report's ETag is the audit's: any write under it makes an older one stale.
      await this.audits.save(db, audit, now);
      await this.auditTrail.record(db, actor, {
        agencyId: audit.agencyId,
        entityType: 'audit',
        entityId: audit.id,
        action: 'audit.checklist_answered',
        before: { itemId: item.id, position: item.position, ...before },
        after: {
          itemId: item.id,
          position: item.position,
          answer: item.answer,
          notes: item.notes,
          sample: item.sample,
        },
      });
      return toChecklistItemView(item);
    });
  }

  // --- evidence files (AttachmentsService, rules in AuditChecklistItemAttachmentSubject) ---

  /** Checks everything that can be checked before a byte is stored. */
  async prepareUpload(actor: Actor, auditId: string, itemId: string): Promise<void> {
    await this.ownItem(actor, auditId, itemId);
    await this.attachments.prepareUpload(actor, checklistItemFiles(itemId));
  }

  async upload(
    actor: Actor,
    auditId: string,
    itemId: string,
    fileName: string,
    body: Readable,
    signal?: AbortSignal,
  ): Promise<ChecklistFileView> {
    await this.ownItem(actor, auditId, itemId);
    const file = await this.attachments.upload(actor, checklistItemFiles(itemId), fileName, body, signal, {
      accepted: ALLOWED_DOCUMENT_MEDIA_TYPES,
    });
    return toChecklistFileView(file);
  }

  async files(actor: Actor, auditId: string, itemId: string): Promise<{ items: ChecklistFileView[] }> {
    await this.ownItem(actor, auditId, itemId);
    const files = await this.attachments.list(this.tx.db, checklistItemFiles(itemId));
    return { items: files.filter((f) => !f.deletedAt).map(toChecklistFileView) };
  }

  async download(
    actor: Actor,
    auditId: string,
    itemId: string,
    fileId: string,
  ): Promise<ChecklistFileDownload> {
    await this.ownItem(actor, auditId, itemId);
    const { file, stream } = await this.attachments.open(actor, checklistItemFiles(itemId), fileId);
    return { file: toChecklistFileView(file), stream };
  }

  async removeFile(actor: Actor, auditId: string, itemId: string, fileId: string): Promise<void> {
    await this.ownItem(actor, auditId, itemId);
    await this.attachments.remove(actor, checklistItemFiles(itemId), fileId);
  }

  /** The item must be one of this audit's, as the actor may see it (404 otherwise). */
  private async ownItem(actor: Actor, auditId: string, itemId: string): Promise<void> {
    const db = this.tx.db;
    const audit = await this.finder.findReadable(actor, auditId, db);
    await this.item(db, audit.id, itemId);
  }

  private async item(
    db: Db,
    auditId: string,
    itemId: string,
    lock = false,
  ): Promise<AuditChecklistItemEntity> {
    const item = await this.audits.findItem(db, auditId, itemId, lock);
    if (!item) throw new DomainException(ErrorCode.AuditChecklistItemNotFound);
    return item;
  }
}
