import { Injectable, Logger } from '@nestjs/common';
import { Clock, JobName } from '@eiso/common';
import { Db } from '@eiso/database';
import { JobOutbox, jobIdOf } from '@eiso/queue';
import { StorageDriver } from '@eiso/storage';
import { needsRendition, RenditionState } from './content-state';
import { FileContentEntity } from './file-content.entity';
import { FileContentRepository, TrackedFile } from './file-content.repository';

/** The first job owed for a row: its rendition, or straight its text. */
export function firstJobOf(
  row: Pick<FileContentEntity, 'renderState'>,
): JobName.ContentRender | JobName.ContentExtract {
  return row.renderState === RenditionState.Pending ? JobName.ContentRender : JobName.ContentExtract;
}

/**
 * The door of the content lib for the libs that store files (attachments): a stored object is
 * tracked in the transaction that names it (its jobs go through the outbox, so they commit with
 * the row) and forgotten, rendition and text with it, when its bytes go.
 */
@Injectable()
export class ContentIndex {
  private readonly logger = new Logger(ContentIndex.name);

  constructor(
    private readonly rows: FileContentRepository,
    private readonly outbox: JobOutbox,
    private readonly storage: StorageDriver,
    private readonly clock: Clock,
  ) {}

  /** In the caller's transaction: the object's content will be rendered and read once it commits. */
  async track(db: Db, file: TrackedFile): Promise<void> {
    const renderState = needsRendition(file.mediaType) ? RenditionState.Pending : null;
    if (!(await this.rows.insertIfNew(db, file, renderState, this.clock.now()))) return;
    const job = firstJobOf({ renderState });
    await this.outbox.add(
      db,
      job,
      { key: file.storageKey, generation: 1 },
      { jobId: jobIdOf(job, file.storageKey, 1) },
    );
  }

  /**
   * In the caller's transaction, once the objects are deleted (or will be): their text leaves the
   * index now. Returns the renditions' keys, for `deleteRenditions` after the commit.
   */
  forget(db: Db, sourceKeys: readonly string[]): Promise<string[]> {
    return this.rows.deleteMany(db, sourceKeys);
  }

  /** After the commit: a rendition left behind here is the orphan sweep's to delete. */
  async deleteRenditions(keys: readonly string[]): Promise<void> {
    for (const key of keys)
      await this.storage
        .delete(key)
        .catch((e: unknown) => this.logger.warn(`Không xóa được bản PDF chuyển đổi ${key}: ${String(e)}`));
  }

  /** What is known of the objects' content, by storage key. */
  async statesOf(db: Db, sourceKeys: readonly string[]): Promise<Map<string, FileContentEntity>> {
    const rows = await this.rows.findManyByKey(db, sourceKeys);
    return new Map(rows.map((r) => [r.sourceKey, r]));
  }

  contentOf(db: Db, sourceKey: string): Promise<FileContentEntity | null> {
    return this.rows.findByKey(db, sourceKey);
  }

  /**
   * Starts the rendition (when the file has none yet) and the reading of the text again, as new
   * jobs. False when the object is not tracked.
   */
  async retry(db: Db, sourceKey: string): Promise<boolean> {
    const row = await this.rows.findForUpdate(db, sourceKey);
    if (!row) return false;
    const renders = needsRendition(row.mediaType);
    const generation = await this.rows.restart(db, sourceKey, renders, this.clock.now());
    if (generation === null) return false;
    const job =
      renders && row.renderState !== RenditionState.Ready ? JobName.ContentRender : JobName.ContentExtract;
    await this.outbox.add(
      db,
      job,
      { key: sourceKey, generation },
      { jobId: jobIdOf(job, sourceKey, generation) },
    );
    return true;
  }
}
