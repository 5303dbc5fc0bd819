import { Column, Entity, PrimaryColumn } from 'typeorm';
import { FileKind } from './document-type';

/** A file of a version. New versions copy these rows, not the bytes: storage keys are immutable. */
@Entity({ name: 'document_file' })
export class DocumentFileEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'text' }) kind: FileKind;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size: number;
  @Column({ type: 'char', length: 64 }) sha256: string;
  @Column({ name: 'media_type', type: 'text' }) mediaType: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey: string;
  @Column({ name: 'uploaded_by', type: 'uuid' }) uploadedBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
