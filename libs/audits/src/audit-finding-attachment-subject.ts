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
import { assertCanWorkOnChecklist } from './audit-checklist-item-attachment-subject';
import { AuditFinder } from './audit-finder';
import { AuditFindingRepository } from './audit-finding.repository';
import { AuditRepository } from './audit.repository';

/** The attachment subject type of a finding's evidence files (and the trail's entity type). */
export const FINDING_ATTACHMENTS = 'audit_finding';

export function findingFiles(findingId: string): AttachmentSubjectRef {
  return { type: FINDING_ATTACHMENTS, id: findingId };
}

/**
 * Evidence files of a finding: read by whoever reads the audit; added and removed by the audit
 * team while the audit is in progress, under the audit's row lock (the report takes it too, so a
 * file cannot slip in after the report's content was signed).
 */
@Injectable()
@AttachmentSubjectOf(FINDING_ATTACHMENTS)
export class AuditFindingAttachmentSubject implements AttachmentSubject {
  // The audit domain keeps its rows with the old agency on a merger: the evidence stays with them.
  readonly onAgencyTransfer = 'keep' as const;
  readonly errors = {
    fileNotFound: ErrorCode.AuditFindingFileNotFound,
    fileDeleted: ErrorCode.AuditFindingFileNotFound,
  };
  readonly audit = {
    uploaded: 'audit_finding_file.uploaded',
    deleted: 'audit_finding_file.deleted',
  } as const;

  constructor(
    private readonly finder: AuditFinder,
    private readonly findings: AuditFindingRepository,
    private readonly audits: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async findReadable(db: Db, actor: Actor, findingId: string): Promise<AttachmentOwner> {
    const finding = await this.findings.findById(db, findingId);
    if (!finding) throw new DomainException(ErrorCode.AuditFindingNotFound);
    const audit = await this.finder.findReadable(actor, finding.auditId, db);
    return { agencyId: audit.agencyId };
  }

  async findWritable(db: Db, actor: Actor, findingId: string, lock: boolean): Promise<WritableSubject> {
    const unlocked = await this.findings.findById(db, findingId);
    if (!unlocked) throw new DomainException(ErrorCode.AuditFindingNotFound);
    const audit = lock
      ? await this.finder.findForUpdate(db, actor, unlocked.auditId)
      : await this.finder.findReadable(actor, unlocked.auditId, db);
    // Under the audit's lock: the finding may have been deleted meanwhile.
    if (lock && !(await this.findings.findById(db, findingId))) {
      throw new DomainException(ErrorCode.AuditFindingNotFound);
    }
    assertCanWorkOnChecklist(actor, audit);
    // The file is added or removed in this transaction: the audit's version (the report's ETag) moves.
    if (lock) await this.audits.save(db, audit, this.clock.now());
    return {
      agencyId: audit.agencyId,
      keyPrefix: `agency/${audit.agencyId}/audits/${audit.id}/findings/${findingId}`,
    };
  }
}
