import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RenditionState, TextState } from './content-state';

const bigint = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * What is inside one stored object (an attachment's `storage_key`): its PDF rendition and its text,
 * indexed for search (`tsv`, configuration `eiso_vi`). Copies of a file share the object and so
 * this row; it goes when no attachment names the object any more.
 */
@Entity({ name: 'file_content' })
export class FileContentEntity {
  @PrimaryColumn({ name: 'source_key', type: 'text' }) sourceKey: string;
  @Column({ name: 'media_type', type: 'text' }) mediaType: string;
  @Column({ name: 'source_sha256', type: 'char', length: 64 }) sourceSha256: string;
  @Column({ name: 'source_size', type: 'bigint', transformer: bigint }) sourceSize: number;
  @Column({ name: 'render_state', type: 'text', nullable: true }) renderState: RenditionState | null;
  @Column({ name: 'rendition_key', type: 'text', nullable: true }) renditionKey: string | null;
  @Column({ name: 'rendition_sha256', type: 'char', length: 64, nullable: true }) renditionSha256:
    string | null;
  @Column({ name: 'rendition_size', type: 'bigint', nullable: true, transformer: bigint })
  renditionSize: number | null;
  /** `gotenberg` or `soffice`. */
  @Column({ name: 'rendered_by', type: 'text', nullable: true }) renderedBy: string | null;
  @Column({ name: 'render_error', type: 'text', nullable: true }) renderError: string | null;
  @Column({ name: 'render_attempts', type: 'integer' }) renderAttempts: number;
  @Column({ name: 'rendered_at', type: 'timestamptz', nullable: true }) renderedAt: Date | null;
  @Column({ name: 'text_state', type: 'text' }) textState: TextState;
  /** Not loaded by default: up to MAX_TEXT_CHARS of text. */
  @Column({ type: 'text', nullable: true, select: false }) text: string | null;
  @Column({ type: 'integer', nullable: true }) pages: number | null;
  @Column({ name: 'text_error', type: 'text', nullable: true }) textError: string | null;
  @Column({ name: 'extracted_at', type: 'timestamptz', nullable: true }) extractedAt: Date | null;
  /** Raised by each manual retry: the jobs of a new generation are new jobs (their ids differ). */
  @Column({ type: 'integer' }) generation: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
