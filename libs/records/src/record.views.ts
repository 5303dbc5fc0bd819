import { SignatureEntity, SignatureFacts, toSignatureFacts } from '@eiso/signatures';
import { DisposalEntity } from './disposal.entity';
import { AttachmentEntity } from '@eiso/attachments';
import { DISPOSAL_STATE_LABELS, DisposalState, RECORD_STATE_LABELS, RecordState } from './record-state';
import { RecordTypeEntity } from './record-type.entity';
import { RecordEntity } from './record.entity';
import { retentionLabel } from './retention';
import { RECORD_MESSAGES } from './records.messages';

export interface RecordTypeView {
  id: string;
  agencyId: string;
  code: string;
  name: string;
  documentId: string | null;
  retentionMonths: number | null;
  permanent: boolean;
  retentionLabel: string;
  storagePlace: string;
  responsibleOrgUnitId: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface RecordFileView {
  id: string;
  name: string;
  size: number;
  sha256: string;
  mediaType: string;
  createdAt: string;
  /** Set when disposal deleted the bytes; the row stays. */
  deletedAt: string | null;
}

export interface RecordView {
  id: string;
  agencyId: string;
  recordType: { id: string; code: string; name: string };
  title: string;
  reference: string | null;
  recordDate: string;
  tthcCode: string | null;
  retentionMonths: number | null;
  permanent: boolean;
  retentionLabel: string;
  /** null when kept permanently. */
  retentionEnd: string | null;
  state: RecordState;
  stateLabel: string;
  dueAt: string | null;
  onHold: boolean;
  hold: { reason: string; heldAt: string; heldBy: string } | null;
  /** The batch (not rejected) the record is proposed in, if any. */
  pendingDisposalId: string | null;
  /** The tombstone, once disposed. */
  disposal: { disposalId: string; disposedAt: string; disposedBy: string | null; sha256: string } | null;
  files?: RecordFileView[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface DisposalView {
  id: string;
  agencyId: string;
  number: number;
  numberLabel: string;
  state: DisposalState;
  stateLabel: string;
  note: string | null;
  recordCount: number;
  /** The records of the batch (single batch reads only). */
  recordIds?: string[];
  proposedBy: string;
  /** As they were at proposal; null on batches proposed before they were kept. */
  proposerName: string | null;
  proposerPosition: string | null;
  proposedAt: string;
  /** The approver's signature, as made: name, position and role at signing. */
  signature:
    | (SignatureFacts & {
        /**
         * The hash recomputed from the stored batch, its records and the files they had at signing
         * equals the signed one (single batch reads only).
         */
        contentVerified?: boolean;
      })
    | null;
  rejectedBy: string | null;
  rejectedAt: string | null;
  rejectionReason: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toRecordTypeView(t: RecordTypeEntity): RecordTypeView {
  return {
    id: t.id,
    agencyId: t.agencyId,
    code: t.code,
    name: t.name,
    documentId: t.documentId,
    retentionMonths: t.retentionMonths,
    permanent: t.permanent,
    retentionLabel: retentionLabel({ months: t.retentionMonths, permanent: t.permanent }),
    storagePlace: t.storagePlace,
    responsibleOrgUnitId: t.responsibleOrgUnitId,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
  };
}

export function toRecordFileView(f: AttachmentEntity): RecordFileView {
  return {
    id: f.id,
    name: f.name,
    size: f.size,
    sha256: f.sha256,
    mediaType: f.mediaType,
    createdAt: f.createdAt.toISOString(),
    deletedAt: iso(f.deletedAt),
  };
}

export function toRecordView(
  r: RecordEntity,
  type: Pick<RecordTypeEntity, 'id' | 'code' | 'name'>,
  pendingDisposalId: string | null,
  files?: AttachmentEntity[],
): RecordView {
  const permanent = r.retentionEnd === null;
  return {
    id: r.id,
    agencyId: r.agencyId,
    recordType: { id: type.id, code: type.code, name: type.name },
    title: r.title,
    reference: r.reference,
    recordDate: r.recordDate,
    tthcCode: r.tthcCode,
    retentionMonths: r.retentionMonths,
    permanent,
    retentionLabel: retentionLabel({ months: r.retentionMonths, permanent }),
    retentionEnd: r.retentionEnd,
    state: r.state,
    stateLabel: RECORD_STATE_LABELS[r.state],
    dueAt: iso(r.dueAt),
    onHold: r.holdReason !== null,
    hold:
      r.holdReason !== null && r.heldAt && r.heldBy
        ? { reason: r.holdReason, heldAt: r.heldAt.toISOString(), heldBy: r.heldBy }
        : null,
    pendingDisposalId: r.state === RecordState.Disposed ? null : pendingDisposalId,
    disposal:
      r.state === RecordState.Disposed && r.disposalId && r.disposedAt && r.disposedSha256
        ? {
            disposalId: r.disposalId,
            disposedAt: r.disposedAt.toISOString(),
            disposedBy: r.disposedBy,
            sha256: r.disposedSha256,
          }
        : null,
    ...(files ? { files: files.map(toRecordFileView) } : {}),
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

export function toDisposalView(
  d: DisposalEntity,
  approval: SignatureEntity | null,
  recordIds?: string[],
  contentVerified?: boolean,
): DisposalView {
  return {
    id: d.id,
    agencyId: d.agencyId,
    number: d.number,
    numberLabel: RECORD_MESSAGES.minuteNumber(d.number),
    state: d.state,
    stateLabel: DISPOSAL_STATE_LABELS[d.state],
    note: d.note,
    recordCount: d.recordCount,
    ...(recordIds ? { recordIds } : {}),
    proposedBy: d.proposedBy,
    proposerName: d.proposerName,
    proposerPosition: d.proposerPosition,
    proposedAt: d.proposedAt.toISOString(),
    signature: approval
      ? {
          ...toSignatureFacts(approval),
          ...(typeof contentVerified === 'boolean' ? { contentVerified } : {}),
        }
      : null,
    rejectedBy: d.rejectedBy,
    rejectedAt: iso(d.rejectedAt),
    rejectionReason: d.rejectionReason,
    completedAt: iso(d.completedAt),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
  };
}
