import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, JobName } from '@eiso/common';
import { AppConfig } from '@eiso/config';
import { Db, TransactionRunner } from '@eiso/database';
import { JobOutbox, jobIdOf } from '@eiso/queue';
import { readAll, StorageDriver, StorageKeyTakenError } from '@eiso/storage';
import { CONTENT_MESSAGES } from './content.messages';
import { RENDERED_EXTENSIONS, RenditionState, renditionKeyOf } from './content-state';
import { ConversionError, DocumentConverter } from './conversion';
import { FileContentRepository } from './file-content.repository';

export type RenderOutcome = 'rendered' | 'unavailable' | 'skipped' | 'retrying' | 'failed';

/**
 * Makes the PDF rendition of a Word, ODF or spreadsheet file (LibreOffice, through Gotenberg or a
 * local soffice) and stores it beside the original, whose bytes are never changed; the sha256 of
 * both is on the row. Then the text is read (from the rendition). A conversion that fails or times
 * out is tried again by the queue; after the last attempt the row says `failed`, with the reason,
 * and its text is read from the original where the format allows.
 */
@Injectable()
export class RenditionService {
  private readonly logger = new Logger(RenditionService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly rows: FileContentRepository,
    private readonly converter: DocumentConverter,
    private readonly storage: StorageDriver,
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** `lastAttempt`: the queue will not run this job again if it fails now. */
  async render(key: string, generation: number, lastAttempt: boolean): Promise<RenderOutcome> {
    const row = await this.rows.findByKey(this.tx.db, key);
    // Done (ready), given up (failed: only a retry, a new generation, starts it again), or moved on.
    if (!row || row.generation !== generation || row.renderState !== RenditionState.Pending) return 'skipped';
    if (this.converter.kind === 'none') {
      await this.settle(key, generation, (db) =>
        this.rows.recordRenderFailure(
          db,
          key,
          RenditionState.Unavailable,
          CONTENT_MESSAGES.noConverter,
          this.clock.now(),
        ),
      );
      return 'unavailable';
    }
    const extension = RENDERED_EXTENSIONS[row.mediaType];
    if (!extension) return 'skipped';
    const original = await readAll(await this.storage.get(key));
    let pdf: Buffer;
    try {
      pdf = await this.converter.convert(
        { bytes: original, fileName: `source.${extension}`, extension },
        this.config.CONVERSION_TIMEOUT_MS,
      );
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
        throw new ConversionError(CONTENT_MESSAGES.notAPdf);
    } catch (error) {
      if (!(error instanceof ConversionError)) throw error;
      const reason = error.timedOut
        ? CONTENT_MESSAGES.timedOut(Math.round(this.config.CONVERSION_TIMEOUT_MS / 1000))
        : error.message;
      this.logger.warn(
        `Chuyển ${key} sang PDF không thành công: ${reason} (${error.cause instanceof Error ? error.cause.message : 'không rõ nguyên nhân'})`,
      );
      if (!lastAttempt) {
        await this.rows.recordRenderFailure(
          this.tx.db,
          key,
          RenditionState.Pending,
          reason,
          this.clock.now(),
        );
        throw error;
      }
      await this.settle(key, generation, (db) =>
        this.rows.recordRenderFailure(db, key, RenditionState.Failed, reason, this.clock.now()),
      );
      return 'failed';
    }
    const renditionKey = renditionKeyOf(key, generation);
    const stored = await this.store(renditionKey, pdf);
    const kept = await this.settle(key, generation, (db) =>
      this.rows.recordRendition(
        db,
        key,
        { key: renditionKey, sha256: stored.sha256, size: stored.size, renderedBy: this.converter.kind },
        this.clock.now(),
      ),
    );
    // The file was removed, or a retry started a new generation, while LibreOffice worked.
    if (!kept) await this.storage.delete(renditionKey);
    return kept ? 'rendered' : 'skipped';
  }

  /** Stores the rendition; a key taken by a run killed before its row was written holds the same PDF. */
  private async store(key: string, pdf: Buffer): Promise<{ sha256: string; size: number }> {
    try {
      const stored = await this.storage.put(key, Readable.from([pdf]));
      return { sha256: stored.sha256, size: stored.size };
    } catch (error) {
      if (!(error instanceof StorageKeyTakenError)) throw error;
      const bytes = await readAll(await this.storage.get(key));
      return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
    }
  }

  /**
   * Writes the outcome under the row's lock, if the row is still of this generation, and queues
   * the reading of the text with it. False when the row is gone or moved on.
   */
  private settle(key: string, generation: number, write: (db: Db) => Promise<void>): Promise<boolean> {
    return this.tx.run(async (db) => {
      const row = await this.rows.findForUpdate(db, key);
      if (!row || row.generation !== generation) return false;
      await write(db);
      await this.outbox.add(
        db,
        JobName.ContentExtract,
        { key, generation },
        { jobId: jobIdOf(JobName.ContentExtract, key, generation) },
      );
      return true;
    });
  }
}
