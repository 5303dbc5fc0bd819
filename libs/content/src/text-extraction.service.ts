import { Injectable } from '@nestjs/common';
import { Clock } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { readAll, StorageDriver } from '@eiso/storage';
import { RenditionState, TextState } from './content-state';
import { readText, UnreadableContentError } from './extraction/read-text';
import type { RecordedText } from './file-content.repository';
import { FileContentRepository } from './file-content.repository';

export type ExtractOutcome = TextState | 'skipped' | 'waiting';

/**
 * Reads a stored file's text into the search index (`file_content.tsv`, accents folded). A file
 * that cannot be read (corrupt, encrypted) is `failed` with the reason, at once: reading it again
 * would fail again. A storage error is thrown, for the queue to retry.
 */
@Injectable()
export class TextExtractionService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly rows: FileContentRepository,
    private readonly storage: StorageDriver,
    private readonly clock: Clock,
  ) {}

  async extract(key: string, generation: number): Promise<ExtractOutcome> {
    const row = await this.rows.findByKey(this.tx.db, key);
    if (!row || row.generation !== generation || row.textState !== TextState.Pending) return 'skipped';
    // Its rendition is on its way; the render job queues this one again when it is done.
    if (row.renderState === RenditionState.Pending) return 'waiting';
    const bytes = await readAll(await this.storage.get(key));
    const rendition = row.renditionKey ? await readAll(await this.storage.get(row.renditionKey)) : null;
    let text: RecordedText;
    try {
      text = await readText({ mediaType: row.mediaType, bytes, rendition });
    } catch (error) {
      if (!(error instanceof UnreadableContentError)) throw error;
      text = { state: TextState.Failed, text: null, pages: null, error: error.message };
    }
    const written = await this.tx.run(async (db) => {
      const locked = await this.rows.findForUpdate(db, key);
      if (!locked || locked.generation !== generation) return false;
      await this.rows.recordText(db, key, text, this.clock.now());
      return true;
    });
    return written ? text.state : 'skipped';
  }
}
