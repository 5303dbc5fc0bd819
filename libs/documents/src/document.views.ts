import { FileContentEntity, FileContentView, toFileContentView } from '@eiso/content';
import { AttachmentEntity } from '@eiso/attachments';
import {
  SIGNATURE_MEANING_LABELS,
  SignatureEntity,
  SignatureFacts,
  SignatureMeaning,
  toSignatureFacts,
} from '@eiso/signatures';
import { DocumentCommentEntity } from './document-comment.entity';
import { DocumentDistributionEntity } from './document-distribution.entity';
import {
  DOCUMENT_TYPE_LABELS,
  DocumentType,
  FileKind,
  VERSION_STATE_LABELS,
  VersionState,
} from './document-type';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentEntity } from './document.entity';
import { ExternalSource, externalSourceOf } from './external-source';

export interface FileView {
  id: string;
  kind: string;
  name: string;
  size: number;
  sha256: string;
  mediaType: string;
  createdAt: string;
  /** Its PDF rendition and its text for the search; null for a file not tracked (yet). */
  content: FileContentView | null;
}

export interface SignatureView extends SignatureFacts {
  id: string;
  meaning: SignatureMeaning;
  meaningLabel: string;
  comment: string | null;
}

export interface CommentView {
  id: string;
  kind: string;
  authorId: string;
  body: string;
  createdAt: string;
}

export interface VersionSummaryView {
  id: string;
  revision: number;
  issueNumber: number | null;
  state: VersionState;
  stateLabel: string;
  effectiveFrom: string | null;
}

export interface VersionView extends VersionSummaryView {
  documentId: string;
  title: string;
  isoClauses: string[];
  tthcCodes: string[];
  /** External documents: cơ quan ban hành, số ký hiệu, ngày ban hành, ngày có hiệu lực, nơi lưu. */
  external: ExternalSource | null;
  changeSummary: string | null;
  authorId: string;
  basedOnVersionId: string | null;
  submittedAt: string | null;
  issuedAt: string | null;
  supersededAt: string | null;
  obsoletedAt: string | null;
  withdrawalReason: string | null;
  files: FileView[];
  signatures: SignatureView[];
  comments: CommentView[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface DocumentView {
  id: string;
  agencyId: string;
  code: string;
  title: string;
  type: DocumentType;
  typeLabel: string;
  ownerOrgUnitId: string | null;
  isoClauses: string[];
  tthcCodes: string[];
  reviewIntervalMonths: number;
  nextReviewDate: string | null;
  reviewDue: boolean;
  issueCount: number;
  status: 'active' | 'obsolete';
  /** The newest version the reader may see. */
  currentVersion: VersionSummaryView | null;
  effectiveVersionId: string | null;
  /** The version issued for a later date, waiting for it (readable and acknowledgeable ahead). */
  scheduledVersionId: string | null;
  distribution?: { targetType: 'org_unit' | 'user'; targetId: string }[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** `contents`: what is known of the files' content, by storage key (ContentIndex.statesOf). */
export function toFileView(f: AttachmentEntity, contents?: Map<string, FileContentEntity>): FileView {
  const content = contents?.get(f.storageKey);
  return {
    id: f.id,
    // Every version file has a kind (primary or attachment).
    kind: f.kind ?? FileKind.Attachment,
    name: f.name,
    size: f.size,
    sha256: f.sha256,
    mediaType: f.mediaType,
    createdAt: f.createdAt.toISOString(),
    content: content ? toFileContentView(content) : null,
  };
}

export function toSignatureView(s: SignatureEntity): SignatureView {
  return {
    id: s.id,
    meaning: s.meaning,
    meaningLabel: SIGNATURE_MEANING_LABELS[s.meaning],
    ...toSignatureFacts(s),
    comment: s.comment,
  };
}

export function toVersionSummary(
  v: Pick<DocumentVersionEntity, 'id' | 'revision' | 'issueNumber' | 'state' | 'effectiveFrom'>,
): VersionSummaryView {
  return {
    id: v.id,
    revision: v.revision,
    issueNumber: v.issueNumber,
    state: v.state,
    stateLabel: VERSION_STATE_LABELS[v.state],
    effectiveFrom: v.effectiveFrom,
  };
}

export function toVersionView(
  v: DocumentVersionEntity,
  files: AttachmentEntity[],
  signatures: SignatureEntity[],
  comments: DocumentCommentEntity[],
  contents: Map<string, FileContentEntity>,
): VersionView {
  return {
    ...toVersionSummary(v),
    documentId: v.documentId,
    title: v.title,
    isoClauses: v.isoClauses,
    tthcCodes: v.tthcCodes,
    external: externalSourceOf(v),
    changeSummary: v.changeSummary,
    authorId: v.authorId,
    basedOnVersionId: v.basedOnVersionId,
    submittedAt: iso(v.submittedAt),
    issuedAt: iso(v.issuedAt),
    supersededAt: iso(v.supersededAt),
    obsoletedAt: iso(v.obsoletedAt),
    withdrawalReason: v.withdrawalReason,
    files: files.map((f) => toFileView(f, contents)),
    signatures: signatures.map(toSignatureView),
    comments: comments.map((c) => ({
      id: c.id,
      kind: c.kind,
      authorId: c.authorId,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
    })),
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
    version: v.version,
  };
}

export function toDocumentView(
  d: DocumentEntity,
  current: VersionSummaryView | null,
  reviewDueBy: string,
  distribution?: DocumentDistributionEntity[],
): DocumentView {
  return {
    id: d.id,
    agencyId: d.agencyId,
    code: d.code,
    title: d.title,
    type: d.type,
    typeLabel: DOCUMENT_TYPE_LABELS[d.type],
    ownerOrgUnitId: d.ownerOrgUnitId,
    isoClauses: d.isoClauses,
    tthcCodes: d.tthcCodes,
    reviewIntervalMonths: d.reviewIntervalMonths,
    nextReviewDate: d.nextReviewDate,
    reviewDue: isReviewDue(d, reviewDueBy),
    issueCount: d.issueCount,
    status: d.status,
    currentVersion: current,
    effectiveVersionId: d.status === 'active' ? d.currentVersionId : null,
    scheduledVersionId: d.status === 'active' ? d.scheduledVersionId : null,
    ...(distribution
      ? { distribution: distribution.map((t) => ({ targetType: t.targetType, targetId: t.targetId })) }
      : {}),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
  };
}

export function isReviewDue(d: DocumentEntity, reviewDueBy: string): boolean {
  return (
    d.status === 'active' && !!d.currentVersionId && !!d.nextReviewDate && d.nextReviewDate <= reviewDueBy
  );
}
