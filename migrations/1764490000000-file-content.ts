import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What is inside the files (DESIGN §13 "Content"): one `file_content` row per stored object (an
 * attachment's `storage_key`; copies of a file to a later version share it), with its PDF
 * rendition (Word, ODF and spreadsheets, made by LibreOffice) and its extracted text, indexed for
 * full-text search in Vietnamese: the `eiso_vi` configuration folds accents (unaccent) before the
 * simple dictionary, so "thoi han giai quyet" finds "thời hạn giải quyết" and ts_headline still
 * marks the accented words of the original text.
 *
 * The two `*_text_search` views are the search's read model across domains (the files of document
 * versions, the files of records): plain views, so the planner sees through them to the GIN index.
 * A migration that changes a column they read replaces them.
 */
export class FileContent1764490000000 implements MigrationInterface {
  name = 'FileContent1764490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TEXT SEARCH CONFIGURATION eiso_vi (COPY = simple)`);
    await q.query(`
      ALTER TEXT SEARCH CONFIGURATION eiso_vi
        ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
        WITH unaccent, simple`);
    await q.query(`
      CREATE TABLE file_content (
        source_key text NOT NULL,
        media_type text NOT NULL,
        source_sha256 char(64) NOT NULL,
        source_size bigint NOT NULL,
        render_state text,
        rendition_key text,
        rendition_sha256 char(64),
        rendition_size bigint,
        rendered_by text,
        render_error text,
        render_attempts integer NOT NULL DEFAULT 0,
        rendered_at timestamptz,
        text_state text NOT NULL,
        text text,
        tsv tsvector,
        pages integer,
        text_error text,
        extracted_at timestamptz,
        generation integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT pk_file_content PRIMARY KEY (source_key),
        CONSTRAINT ck_file_content_render_state
          CHECK (render_state IS NULL OR render_state IN ('pending', 'ready', 'failed', 'unavailable')),
        CONSTRAINT ck_file_content_text_state
          CHECK (text_state IN ('pending', 'ready', 'no_text_layer', 'unsupported', 'failed')),
        CONSTRAINT ck_file_content_rendition
          CHECK ((render_state = 'ready') = (rendition_key IS NOT NULL AND rendition_sha256 IS NOT NULL))
      )`);
    // What the stored controlled copy was made from: a cover-only copy of a Word file is made
    // again once its rendition exists.
    await q.query(`ALTER TABLE document_version ADD COLUMN controlled_copy_source text`);
    await q.query(
      `UPDATE document_version SET controlled_copy_source = 'pdf' WHERE controlled_copy_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX ix_file_content_tsv ON file_content USING gin (tsv)`);
    await q.query(`CREATE INDEX ix_file_content_pending ON file_content (updated_at)
                     WHERE text_state = 'pending' OR render_state = 'pending'`);
    // The files already stored wait for the catch-up job (content.catch-up) to render and read them.
    await q.query(`
      INSERT INTO file_content (source_key, media_type, source_sha256, source_size, render_state,
                                text_state, created_at, updated_at)
      SELECT DISTINCT ON (storage_key) storage_key, media_type, sha256, size,
             CASE WHEN media_type IN (
               'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
               'application/msword', 'application/vnd.oasis.opendocument.text',
               'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
               'application/vnd.ms-excel') THEN 'pending' END,
             'pending', now(), now()
        FROM attachment
       WHERE deleted_at IS NULL AND subject_type IN ('document_version', 'record')
       ORDER BY storage_key, created_at`);
    await q.query(`
      CREATE VIEW document_text_search AS
      SELECT fc.source_key, fc.tsv, fc.text, a.id AS file_id, a.name AS file_name,
             a.media_type, a.kind AS file_kind, v.id AS version_id, v.document_id, v.state,
             v.revision, v.issue_number, v.title, v.effective_from, d.agency_id, d.code, d.type
        FROM file_content fc
        JOIN attachment a ON a.storage_key = fc.source_key AND a.deleted_at IS NULL
                         AND a.subject_type = 'document_version'
        JOIN document_version v ON v.id = a.subject_id
        JOIN document d ON d.id = v.document_id
       WHERE fc.tsv IS NOT NULL`);
    await q.query(`
      CREATE VIEW record_text_search AS
      SELECT fc.source_key, fc.tsv, fc.text, a.id AS file_id, a.name AS file_name,
             a.media_type, r.id AS record_id, r.agency_id, r.record_type_id, r.title, r.reference,
             r.record_date, r.state
        FROM file_content fc
        JOIN attachment a ON a.storage_key = fc.source_key AND a.deleted_at IS NULL
                         AND a.subject_type = 'record'
        JOIN record r ON r.id = a.subject_id
       WHERE fc.tsv IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW record_text_search`);
    await q.query(`DROP VIEW document_text_search`);
    await q.query(`DROP TABLE file_content`);
    await q.query(`ALTER TABLE document_version DROP COLUMN controlled_copy_source`);
    await q.query(`DROP TEXT SEARCH CONFIGURATION eiso_vi`);
  }
}
