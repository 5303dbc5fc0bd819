import { Injectable } from '@nestjs/common';
import { Db } from '@eiso/database';
import { RenditionState, TextState } from './content-state';
import { FileContentEntity } from './file-content.entity';

/** What a stored file is, when it is first tracked. */
export interface TrackedFile {
  storageKey: string;
  mediaType: string;
  sha256: string;
  size: number;
}

/** A rendition ready to be recorded. */
export interface RecordedRendition {
  key: string;
  sha256: string;
  size: number;
  renderedBy: string;
}

/** The extracted text, or why there is none. */
export interface RecordedText {
  state: TextState;
  text: string | null;
  pages: number | null;
  error: string | null;
}

/** SQL of `file_content`: one row per stored object. */
@Injectable()
export class FileContentRepository {
  /** Inserts the row unless the object is tracked already (a copy of a file shares it). */
  async insertIfNew(
    db: Db,
    file: TrackedFile,
    renderState: RenditionState | null,
    now: Date,
  ): Promise<boolean> {
    // INSERT … RETURNING answers the rows themselves (UPDATE and DELETE answer [rows, count]).
    const rows: { source_key: string }[] = await db.query(
      `INSERT INTO file_content (source_key, media_type, source_sha256, source_size, render_state,
                                 text_state, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6)
       ON CONFLICT (source_key) DO NOTHING
       RETURNING source_key`,
      [file.storageKey, file.mediaType, file.sha256, file.size, renderState, now],
    );
    return rows.length === 1;
  }

  findByKey(db: Db, key: string): Promise<FileContentEntity | null> {
    return db.getRepository(FileContentEntity).findOneBy({ sourceKey: key });
  }

  async findManyByKey(db: Db, keys: readonly string[]): Promise<FileContentEntity[]> {
    if (!keys.length) return [];
    return db
      .getRepository(FileContentEntity)
      .createQueryBuilder('c')
      .where('c.sourceKey IN (:...keys)', { keys: [...new Set(keys)] })
      .getMany();
  }

  /** Locks the row for a job step; null when the object is no longer tracked. */
  findForUpdate(db: Db, key: string): Promise<FileContentEntity | null> {
    return db
      .getRepository(FileContentEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.sourceKey = :key', { key })
      .getOne();
  }

  async recordRendition(db: Db, key: string, rendition: RecordedRendition, now: Date): Promise<void> {
    await db.query(
      `UPDATE file_content
          SET render_state = 'ready', rendition_key = $2, rendition_sha256 = $3, rendition_size = $4,
              rendered_by = $5, render_error = NULL, rendered_at = $6, updated_at = $6,
              render_attempts = render_attempts + 1
        WHERE source_key = $1`,
      [key, rendition.key, rendition.sha256, rendition.size, rendition.renderedBy, now],
    );
  }

  async recordRenderFailure(
    db: Db,
    key: string,
    state: RenditionState.Failed | RenditionState.Unavailable | RenditionState.Pending,
    error: string,
    now: Date,
  ): Promise<void> {
    await db.query(
      `UPDATE file_content
          SET render_state = $2, render_error = $3, updated_at = $4,
              render_attempts = render_attempts + CASE WHEN $2 = 'unavailable' THEN 0 ELSE 1 END
        WHERE source_key = $1 AND render_state IS DISTINCT FROM 'ready'`,
      [key, state, error, now],
    );
  }

  /**
   * Stores the text and its index (`eiso_vi`: accents folded). Text too long for one tsvector
   * (1 MB) was cut before; the index is of what is stored.
   */
  async recordText(db: Db, key: string, text: RecordedText, now: Date): Promise<void> {
    await db.query(
      `UPDATE file_content
          SET text_state = $2, text = $3,
              tsv = CASE WHEN $3::text IS NULL THEN NULL ELSE to_tsvector('eiso_vi', $3::text) END,
              pages = $4, text_error = $5, extracted_at = $6, updated_at = $6
        WHERE source_key = $1`,
      [key, text.state, text.text, text.pages, text.error, now],
    );
  }

  /** A manual retry: both steps start again under a new generation. Returns it, or null. */
  async restart(db: Db, key: string, renders: boolean, now: Date): Promise<number | null> {
    const [rows]: [{ generation: number }[], number] = await db.query(
      `UPDATE file_content
          SET generation = generation + 1, text_state = 'pending', text_error = NULL,
              render_state = CASE WHEN $2 AND render_state IS DISTINCT FROM 'ready' THEN 'pending'
                                  ELSE render_state END,
              render_error = CASE WHEN $2 AND render_state IS DISTINCT FROM 'ready' THEN NULL
                                  ELSE render_error END,
              updated_at = $3
        WHERE source_key = $1
       RETURNING generation`,
      [key, renders, now],
    );
    return rows[0]?.generation ?? null;
  }

  /** Rows whose jobs are owed: pending and untouched since `before` (lost jobs, files stored before). */
  async findStalePending(db: Db, before: Date, limit: number): Promise<FileContentEntity[]> {
    return db
      .getRepository(FileContentEntity)
      .createQueryBuilder('c')
      .where(`(c.textState = 'pending' OR c.renderState = 'pending') AND c.updatedAt < :before`, { before })
      .orderBy('c.updatedAt', 'ASC')
      .limit(limit)
      .getMany();
  }

  async touch(db: Db, keys: readonly string[], now: Date): Promise<void> {
    if (!keys.length) return;
    await db.query(`UPDATE file_content SET updated_at = $2 WHERE source_key = ANY($1::text[])`, [
      [...keys],
      now,
    ]);
  }

  /** Deletes the rows; returns the renditions they named, whose objects are to go too. */
  async deleteMany(db: Db, keys: readonly string[]): Promise<string[]> {
    if (!keys.length) return [];
    const [rows]: [{ rendition_key: string | null }[], number] = await db.query(
      `DELETE FROM file_content WHERE source_key = ANY($1::text[]) RETURNING rendition_key`,
      [[...keys]],
    );
    return rows.map((r) => r.rendition_key).filter((k): k is string => !!k);
  }
}
