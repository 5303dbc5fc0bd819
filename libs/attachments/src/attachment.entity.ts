import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A file of some subject (a document version, a record, audit evidence…), named by the subject's
 * type and id. Copies to another subject share the object: storage keys are immutable. Disposal
 * deletes the object and sets `deletedAt`; the row stays as part of the tombstone.
 */
@Entity({ name: 'attachment' })
export class AttachmentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'subject_type', type: 'text' }) subjectType: string;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  /** The file's role for its subject (`primary`, `attachment`), or null where a subject has none. */
  @Column({ type: 'text', nullable: true }) kind: string | null;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size: number;
  @Column({ type: 'char', length: 64 }) sha256: string;
  @Column({ name: 'media_type', type: 'text' }) mediaType: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey: string;
  @Column({ name: 'uploaded_by', type: 'uuid' }) uploadedBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt: Date | null;
}
