import { setTimeout as sleep } from 'node:timers/promises';
import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { AttachmentsService } from '@eiso/attachments';
import { Actor, Clock, DomainException, ErrorCode } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { UserDirectory } from '@eiso/identity';
import { AgencyHeadingReader } from '@eiso/organizations';
import { ControlledCopyInput, ControlledCopyState, PdfSourceError, renderControlledCopy } from '@eiso/pdf';
import { SignatureMeaning, SignaturesService } from '@eiso/signatures';
import { ContentIndex, FileContentEntity, RenditionState } from '@eiso/content';
import { MediaType, mediaTypeName, readAll, StorageDriver, StorageKeyTakenError } from '@eiso/storage';
import { DocumentFinder } from './document-finder';
import { COPY_MESSAGES } from './documents.messages';
import { DOCUMENT_TYPE_LABELS, FileKind, ISSUED_STATES } from './document-type';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentVersionRepository } from './document-version.repository';
import { DocumentEntity } from './document.entity';
import { DocumentRepository } from './document.repository';
import { versionSubject } from './signature-content';
import { versionFiles } from './version-attachment-subject';

export interface ControlledCopy {
  stream: Readable;
  size: number | undefined;
  fileName: string;
}

/**
 * A claim older than this was left by a killed process and is taken over. Well above the longest
 * render (a MAX_UPLOAD_MB PDF stamped page by page); were a render slower, the fixed key keeps the
 * second one from adding an object.
 */
const COPY_RENDER_DEADLINE_MS = 2 * 60 * 1000;
/** How often a reader waiting for another's render looks again. */
const COPY_WAIT_POLL_MS = 100;

/**
 * One object per version, state and source: a second render of the same state finds the first.
 * A Word file's copy made from its rendition, and its cover-only copy while the rendition is
 * pending, failed or impossible, are each objects of their own (`variant`), so that the copy is
 * made again when what it would say changes.
 */
export function controlledCopyKeyOf(
  version: Pick<DocumentVersionEntity, 'id' | 'documentId' | 'agencyId' | 'state'>,
  variant = '',
): string {
  const suffix = variant ? `-${variant}` : '';
  return `agency/${version.agencyId}/documents/${version.documentId}/versions/${version.id}/controlled-copy-${version.state}${suffix}.pdf`;
}

type CopySourceKind = NonNullable<DocumentVersionEntity['controlledCopySource']>;

/** What the cover says of a Word file's type. */
function mediaTypeLabelOf(mediaType: string): string {
  return COPY_MESSAGES.mediaTypeLabels[mediaType] ?? mediaTypeName(mediaType);
}

/** Which copy a Word file's content calls for: its rendition's, or a cover saying why there is none. */
function variantOf(content: FileContentEntity | null): string {
  if (content?.renderState === RenditionState.Ready) return `rendition-${content.generation}`;
  return `cover-${content?.renderState ?? 'untracked'}-${content?.generation ?? 0}`;
}

/** Why a cover-only copy has no rendition after its cover page. */
function coverNoteOf(state: RenditionState | null, error: string | null): string {
  if (state === RenditionState.Pending) return COPY_MESSAGES.renditionPending;
  if (state === RenditionState.Failed) return COPY_MESSAGES.renditionFailed(error);
  return COPY_MESSAGES.noConverter;
}

/**
 * The controlled copy (bản có kiểm soát) of an issued version: rendered by the
 * `pdf.controlled-copy` job after issue and stored; served from storage, rendered on demand when
 * missing or when the version's state changed since (superseded or withdrawn copies say
 * "HẾT HIỆU LỰC").
 */
@Injectable()
export class ControlledCopyService {
  private readonly logger = new Logger(ControlledCopyService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly documents: DocumentRepository,
    private readonly versions: DocumentVersionRepository,
    private readonly attachments: AttachmentsService,
    private readonly finder: DocumentFinder,
    private readonly storage: StorageDriver,
    private readonly signatures: SignaturesService,
    private readonly users: UserDirectory,
    private readonly headings: AgencyHeadingReader,
    private readonly clock: Clock,
    private readonly content: ContentIndex,
  ) {}

  async open(actor: Actor, documentId: string, versionId: string): Promise<ControlledCopy> {
    const { document, version } = await this.finder.version(this.tx.db, actor, documentId, versionId);
    if (!ISSUED_STATES.includes(version.state))
      throw new DomainException(ErrorCode.DocumentVersionInvalidTransition, { state: version.state });
    const { key, stream } = await this.openRendered(version.id);
    const stat = await this.storage.stat(key);
    return {
      stream,
      size: stat?.size,
      fileName: `${document.code} - lan ${String(version.issueNumber).padStart(2, '0')} - ban co kiem soat.pdf`,
    };
  }

  /**
   * The stored copy, once more rendered when the row names an object that is gone: superseded by
   * a render of a newer state between reading the row and opening it, or lost from storage.
   */
  private async openRendered(versionId: string): Promise<{ key: string; stream: Readable }> {
    const key = await this.ensureRendered(versionId);
    try {
      return { key, stream: await this.storage.get(key) };
    } catch (error) {
      if (!(error instanceof DomainException && error.code === ErrorCode.StorageObjectNotFound)) throw error;
      await this.versions.forgetCopy(this.tx.db, versionId, key);
      const again = await this.ensureRendered(versionId);
      return { key: again, stream: await this.storage.get(again) };
    }
  }

  /**
   * The key of the version's copy for its current state. One render per (version, state): the
   * render claim keeps a second process from rendering at the same time, and the fixed key lets
   * the next render reuse what a process killed before recording it had stored.
   */
  async ensureRendered(versionId: string): Promise<string> {
    for (;;) {
      const version = await this.versions.findById(this.tx.db, versionId);
      if (!version || !ISSUED_STATES.includes(version.state))
        throw new DomainException(ErrorCode.DocumentVersionNotFound);
      if (
        version.controlledCopyKey &&
        version.controlledCopyState === version.state &&
        !(await this.outdatedCover(version))
      )
        return version.controlledCopyKey;
      if (await this.versions.claimCopyRender(this.tx.db, version.id, COPY_RENDER_DEADLINE_MS)) {
        return this.renderClaimed(version);
      }
      // Another reader or the job renders it now: its copy is this one's too.
      await sleep(COPY_WAIT_POLL_MS);
    }
  }

  /**
   * A copy of a Word file made before its rendition was ready (or before it failed): made again
   * once what it would say has changed, its rendition's pages or the reason it has none.
   */
  private async outdatedCover(version: DocumentVersionEntity): Promise<boolean> {
    if (version.controlledCopySource === 'pdf' || version.controlledCopySource === 'rendition') return false;
    const primary = await this.primaryOf(version);
    if (!primary || primary.mediaType === MediaType.Pdf) return false;
    const content = await this.content.contentOf(this.tx.db, primary.storageKey);
    return version.controlledCopyKey !== controlledCopyKeyOf(version, variantOf(content));
  }

  private async primaryOf(version: DocumentVersionEntity) {
    return (await this.attachments.list(this.tx.db, versionFiles(version.id))).find(
      (f) => f.kind === FileKind.Primary && f.deletedAt === null,
    );
  }

  private async renderClaimed(version: DocumentVersionEntity): Promise<string> {
    let key: string | undefined;
    let previous: string | null;
    try {
      const { source, variant } = await this.sourceOf(version);
      key = controlledCopyKeyOf(version, variant);
      // Stored by a render killed before its row was written: the same version in the same state.
      if (!(await this.storage.stat(key))) {
        const document = (await this.documents.findById(this.tx.db, version.documentId))!;
        const bytes = await this.render(document, version, source);
        await this.storage.put(key, Readable.from([bytes])).catch((error: unknown) => {
          // A render whose claim had gone stale stored it first: the same copy.
          if (!(error instanceof StorageKeyTakenError)) throw error;
        });
      }
      const kind: CopySourceKind = source.kind;
      previous = await this.versions.recordCopy(this.tx.db, version.id, key, version.state, kind);
    } catch (error) {
      await this.versions
        .releaseCopyRender(this.tx.db, version.id)
        .catch((e: unknown) =>
          this.logger.warn(`Không trả được quyền dựng bản có kiểm soát của ${version.id}: ${String(e)}`),
        );
      throw error;
    }
    // Only now that the row names the new copy; if this fails or the process dies here, nothing
    // names the old one and the daily orphan sweep deletes it.
    if (previous && previous !== key)
      await this.storage
        .delete(previous)
        .catch((e: unknown) => this.logger.warn(`Không xóa được bản cũ ${previous}: ${String(e)}`));
    return key;
  }

  /**
   * What the copy is made of: the primary PDF; a Word (ODF, Excel) file's PDF rendition when it
   * is ready; else the facts of the original and why it has no rendition (yet).
   */
  private async sourceOf(
    version: DocumentVersionEntity,
  ): Promise<{ source: ControlledCopyInput['source']; variant: string }> {
    const primary = await this.primaryOf(version);
    if (!primary) throw new DomainException(ErrorCode.DocumentPrimaryFileRequired);
    if (primary.mediaType === MediaType.Pdf)
      return {
        source: { kind: 'pdf', bytes: await readAll(await this.storage.get(primary.storageKey)) },
        variant: '',
      };
    const original = {
      fileName: primary.name,
      sha256: primary.sha256,
      mediaTypeLabel: mediaTypeLabelOf(primary.mediaType),
    };
    const content = await this.content.contentOf(this.tx.db, primary.storageKey);
    const variant = variantOf(content);
    if (content?.renderState === RenditionState.Ready && content.renditionKey && content.renditionSha256) {
      return {
        source: {
          kind: 'rendition',
          ...original,
          bytes: await readAll(await this.storage.get(content.renditionKey)),
          renditionSha256: content.renditionSha256,
        },
        variant,
      };
    }
    return {
      source: {
        kind: 'cover',
        ...original,
        note: coverNoteOf(content?.renderState ?? null, content?.renderError ?? null),
      },
      variant,
    };
  }

  private async render(
    document: DocumentEntity,
    version: DocumentVersionEntity,
    source: ControlledCopyInput['source'],
  ): Promise<Buffer> {
    const db = this.tx.db;
    const signatures = await this.signatures.listFor(db, versionSubject(version.id));
    // Each block prints the person as they were when they signed (their latest signature of it).
    const signerOf = (meaning: SignatureMeaning) => {
      const s = [...signatures].reverse().find((x) => x.meaning === meaning);
      return s ? { name: s.signerName, position: s.signerPosition, signedAt: s.signedAt } : null;
    };
    const drafted = signerOf(SignatureMeaning.Submit) ?? (await this.draftedBefore(version));
    try {
      return await renderControlledCopy({
        source,
        heading: await this.headings.headingOf(document.agencyId, db),
        code: document.code,
        title: version.title,
        typeLabel: DOCUMENT_TYPE_LABELS[document.type],
        revision: version.revision,
        issueNumber: version.issueNumber ?? 0,
        effectiveFrom: version.effectiveFrom ?? '',
        state: version.state as string as ControlledCopyState,
        signers: {
          drafted,
          reviewed: signerOf(SignatureMeaning.Review),
          approved: signerOf(SignatureMeaning.Approve),
          issued: signerOf(SignatureMeaning.Issue),
        },
        generatedAt: this.clock.now(),
      });
    } catch (error) {
      if (error instanceof PdfSourceError) throw new DomainException(ErrorCode.PdfSourceInvalid);
      throw error;
    }
  }

  /** A version submitted before submissions were signed: only its author's current card is known. */
  private async draftedBefore(
    version: DocumentVersionEntity,
  ): Promise<ControlledCopyInput['signers']['drafted']> {
    const author = await this.users.cardOf(version.authorId);
    return {
      name: author?.fullName ?? '',
      position: author?.position ?? null,
      signedAt: version.submittedAt ?? version.createdAt,
    };
  }
}
