import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DisposalState } from './record-state';

/**
 * A disposal batch (đợt hủy hồ sơ): proposed by the ISO secretary, signed or rejected by an
 * approver. The approver's signature (who, as whom, when, the hash of exactly what was signed) is
 * a `signature` row of subject `disposal` (libs/signatures).
 */
@Entity({ name: 'disposal' })
export class DisposalEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  /** Số biên bản, 1, 2, … within the agency. */
  @Column({ type: 'integer' }) number: number;
  @Column({ type: 'text' }) state: DisposalState;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'record_count', type: 'integer' }) recordCount: number;
  @Column({ name: 'proposed_by', type: 'uuid' }) proposedBy: string;
  @Column({ name: 'proposed_at', type: 'timestamptz' }) proposedAt: Date;
  /** The proposer's name and position at proposal; null on batches proposed before they were kept. */
  @Column({ name: 'proposer_name', type: 'text', nullable: true }) proposerName: string | null;
  @Column({ name: 'proposer_position', type: 'text', nullable: true }) proposerPosition: string | null;
  @Column({ name: 'rejected_by', type: 'uuid', nullable: true }) rejectedBy: string | null;
  @Column({ name: 'rejected_at', type: 'timestamptz', nullable: true }) rejectedAt: Date | null;
  @Column({ name: 'rejection_reason', type: 'text', nullable: true }) rejectionReason: string | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
