import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RecordState } from './record-state';

/** A record (hồ sơ). Disposal never deletes the row: it stays as a tombstone (disposed_*). */
@Entity({ name: 'record' })
export class RecordEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'record_type_id', type: 'uuid' }) recordTypeId: string;
  @Column({ type: 'text' }) title: string;
  /** e.g. the dossier number (số hồ sơ, số ký hiệu). */
  @Column({ type: 'text', nullable: true }) reference: string | null;
  /** Calendar date (YYYY-MM-DD) retention counts from. */
  @Column({ name: 'record_date', type: 'date' }) recordDate: string;
  @Column({ name: 'tthc_code', type: 'text', nullable: true }) tthcCode: string | null;
  /** The type's retention when the record was filed; null when permanent. */
  @Column({ name: 'retention_months', type: 'integer', nullable: true }) retentionMonths: number | null;
  /** null when permanent: never due. */
  @Column({ name: 'retention_end', type: 'date', nullable: true }) retentionEnd: string | null;
  @Column({ type: 'text' }) state: RecordState;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @Column({ name: 'hold_reason', type: 'text', nullable: true }) holdReason: string | null;
  @Column({ name: 'held_at', type: 'timestamptz', nullable: true }) heldAt: Date | null;
  @Column({ name: 'held_by', type: 'uuid', nullable: true }) heldBy: string | null;
  /** The batch that disposed the record. */
  @Column({ name: 'disposal_id', type: 'uuid', nullable: true }) disposalId: string | null;
  @Column({ name: 'disposed_at', type: 'timestamptz', nullable: true }) disposedAt: Date | null;
  /** The approver who signed the disposal. */
  @Column({ name: 'disposed_by', type: 'uuid', nullable: true }) disposedBy: string | null;
  /** sha256 over the sorted sha256 of the files that were deleted. */
  @Column({ name: 'disposed_sha256', type: 'char', length: 64, nullable: true }) disposedSha256:
    string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
