import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A file of a record. Disposal deletes the object and sets `deletedAt`; the row stays. */
@Entity({ name: 'record_file' })
export class RecordFileEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'record_id', type: 'uuid' }) recordId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
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
