import { Injectable } from '@nestjs/common';
import {
  AttachmentOwner,
  AttachmentSubject,
  AttachmentSubjectOf,
  AttachmentSubjectRef,
  WritableSubject,
} from '@eiso/attachments';
import { Actor, Clock, DomainException, ErrorCode } from '@eiso/common';
import { Db } from '@eiso/database';
import { AuditFinder } from './audit-finder';
import { AuditState } from './audit-state';
import { isAuditTeamMember } from './audit-team';
import { AuditChecklistItemEntity } from './audit-checklist-item.entity';
import { AuditEntity } from './audit.entity';
import { AuditRepository } from './audit.repository';

/** The attachment subject type of a checklist item's evidence files (and the trail's entity type). */
export const CHECKLIST_ITEM_ATTACHMENTS = 'audit_checklist_item';

export function checklistItemFiles(itemId: string): AttachmentSubjectRef {
  return { type: CHECKLIST_ITEM_ATTACHMENTS, id: itemId };
}

/**
 * Evidence files of a checklist item: read by whoever reads the audit; added and removed by the
 * audit team while the audit is in progress (under the audit's row lock, so a report that raced
 * the upload is seen).
 */
@Injectable()
@AttachmentSubjectOf(CHECKLIST_ITEM_ATTACHMENTS)
export class AuditChecklistItemAttachmentSubject implements AttachmentSubject {
  // The audit domain keeps its rows with the old agency on a merger: the evidence stays with them.
  readonly onAgencyTransfer = 'keep' as const;
  readonly errors = {
    fileNotFound: ErrorCode.AuditChecklistFileNotFound,
    fileDeleted: ErrorCode.AuditChecklistFileNotFound,
  };
  readonly audit = {
    uploaded: 'audit_checklist_file.uploaded',
    deleted: 'audit_checklist_file.deleted',
  } as const;

  constructor(
    private readonly finder: AuditFinder,
    private readonly audits: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async findReadable(db: Db, actor: Actor, itemId: string): Promise<AttachmentOwner> {
    const item = await db.getRepository(AuditChecklistItemEntity).findOneBy({ id: itemId });
    if (!item) throw new DomainException(ErrorCode.AuditChecklistItemNotFound);
    const audit = await this.finder.findReadable(actor, item.auditId, db);
    return { agencyId: audit.agencyId };
  }

  async findWritable(db: Db, actor: Actor, itemId: string, lock: boolean): Promise<WritableSubject> {
    const item = await db.getRepository(AuditChecklistItemEntity).findOneBy({ id: itemId });
    if (!item) throw new DomainException(ErrorCode.AuditChecklistItemNotFound);
    const audit = lock
      ? await this.finder.findForUpdate(db, actor, item.auditId)
      : await this.finder.findReadable(actor, item.auditId, db);
    assertCanWorkOnChecklist(actor, audit);
    // The file is added or removed in this transaction: the audit's version (the report's ETag) moves.
    if (lock) await this.audits.save(db, audit, this.clock.now());
    return {
      agencyId: audit.agencyId,
      keyPrefix: `agency/${audit.agencyId}/audits/${audit.id}/checklist/${item.id}`,
    };
  }
}

/** The checklist is worked on by the audit team while the audit is in progress. */
export function assertCanWorkOnChecklist(
  actor: Actor,
  audit: Pick<AuditEntity, 'state' | 'leadAuditorId' | 'teamIds'>,
): void {
  if (!isAuditTeamMember(audit, actor.userId)) throw new DomainException(ErrorCode.AuditNotTeamMember);
  if (audit.state !== AuditState.InProgress) throw new DomainException(ErrorCode.AuditNotInProgress);
}
