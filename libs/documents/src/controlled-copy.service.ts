import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { Actor, Clock, DomainException, ErrorCode } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { ControlledCopyInput, ControlledCopyState, PdfSourceError, renderControlledCopy } from '@eiso/pdf';
import { StorageDriver } from '@eiso/storage';
import { DocumentFileRepository } from './document-file.repository';
import { DocumentFinder } from './document-finder';
import { DOCUMENT_TYPE_LABELS, FileKind, ISSUED_STATES, SignatureMeaning } from './document-type';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentVersionRepository } from './document-version.repository';
import { DocumentEntity } from './document.entity';
import { DocumentRepository } from './document.repository';

export interface ControlledCopy {
  stream: Readable;
  size: number | undefined;
  fileName: string;
}

/** Stamping needs the whole PDF in memory (pdf-lib); primary files are bounded by MAX_UPLOAD_MB. */
async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
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
    private readonly files: DocumentFileRepository,
    private readonly finder: DocumentFinder,
    private readonly storage: StorageDriver,
    private readonly clock: Clock,
  ) {}

  async open(actor: Actor, documentId: string, versionId: string): Promise<ControlledCopy> {
    const { document, version } = await this.finder.version(this.tx.db, actor, documentId, versionId);
    if (!ISSUED_STATES.includes(version.state))
      throw new DomainException(ErrorCode.DocumentVersionInvalidTransition, { state: version.state });
    const key = await this.ensureRendered(version.id);
    const stat = await this.storage.stat(key);
    return {
      stream: await this.storage.get(key),
      size: stat?.size,
      fileName: `${document.code} - lan ${String(version.issueNumber).padStart(2, '0')} - ban co kiem soat.pdf`,
    };
  }

  /** Idempotent: a copy already rendered for the version's current state is reused. */
  async ensureRendered(versionId: string): Promise<string> {
    const version = await this.versions.findById(this.tx.db, versionId);
    if (!version || !ISSUED_STATES.includes(version.state))
      throw new DomainException(ErrorCode.DocumentVersionNotFound);
    if (version.controlledCopyKey && version.controlledCopyState === version.state)
      return version.controlledCopyKey;
    const document = (await this.documents.findById(this.tx.db, version.documentId))!;
    const bytes = await this.render(document, version);
    const key = `agency/${document.agencyId}/documents/${document.id}/versions/${version.id}/controlled-copy-${version.state}-${randomUUID()}.pdf`;
    await this.storage.put(key, Readable.from([bytes]));
    const previous = version.controlledCopyKey;
    await this.versions.recordCopy(this.tx.db, version.id, key, version.state);
    if (previous)
      await this.storage
        .delete(previous)
        .catch((e: unknown) => this.logger.warn(`Không xóa được bản cũ ${previous}: ${String(e)}`));
    return key;
  }

  private async render(document: DocumentEntity, version: DocumentVersionEntity): Promise<Buffer> {
    const db = this.tx.db;
    const primary = (await this.files.listByVersion(db, version.id)).find((f) => f.kind === FileKind.Primary);
    if (!primary) throw new DomainException(ErrorCode.DocumentPrimaryFileRequired);
    const signatures = await this.versions.signatures(db, [version.id]);
    // Each block prints the person as they were when they signed (their latest signature of it).
    const signerOf = (meaning: SignatureMeaning) => {
      const s = [...signatures].reverse().find((x) => x.meaning === meaning);
      return s ? { name: s.signerName, position: s.signerPosition, signedAt: s.signedAt } : null;
    };
    const drafted = signerOf(SignatureMeaning.Submit) ?? (await this.draftedBefore(version));
    const source: ControlledCopyInput['source'] =
      primary.mediaType === 'application/pdf'
        ? { kind: 'pdf', bytes: await readAll(await this.storage.get(primary.storageKey)) }
        : {
            kind: 'cover',
            fileName: primary.name,
            sha256: primary.sha256,
            mediaTypeLabel: 'Microsoft Word (DOCX)',
          };
    try {
      return await renderControlledCopy({
        source,
        agencyName: await this.documents.agencyName(db, document.agencyId),
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
    const author = await this.documents.userCard(this.tx.db, version.authorId);
    return {
      name: author.fullName,
      position: author.position,
      signedAt: version.submittedAt ?? version.createdAt,
    };
  }
}
