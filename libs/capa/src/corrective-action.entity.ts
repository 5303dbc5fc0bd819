import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CorrectiveActionState } from './capa-state';

/** Phiếu yêu cầu hành động khắc phục: one per nonconformity; `round` counts effectiveness checks. */
@Entity({ name: 'corrective_action' })
export class CorrectiveActionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'nonconformity_id', type: 'uuid' }) nonconformityId: string;
  @Column({ type: 'text' }) state: CorrectiveActionState;
  @Column({ type: 'integer' }) round: number;
  /** Khắc phục tức thời. */
  @Column({ type: 'text', nullable: true }) correction: string | null;
  @Column({ name: 'root_cause', type: 'text', nullable: true }) rootCause: string | null;
  /** Optional 5-whys chain, at most five answers. */
  @Column({ type: 'text', array: true }) whys: string[];
  @Column({ name: 'verifier_id', type: 'uuid', nullable: true }) verifierId: string | null;
  @Column({ name: 'verification_delay_days', type: 'integer' }) verificationDelayDays: number;
  /** Set when the last action of the round is done: its done date + the delay. */
  @Column({ name: 'verification_due', type: 'date', nullable: true }) verificationDue: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
