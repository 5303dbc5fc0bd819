import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReviewInputs } from './review-inputs';
import { ManagementReviewState } from './management-review-state';

/** Xem xét của lãnh đạo: one per period, numbered serial/year per agency. */
@Entity({ name: 'management_review' })
export class ManagementReviewEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'integer' }) serial: number;
  @Column({ type: 'text' }) title: string;
  @Column({ name: 'period_from', type: 'date' }) periodFrom: string;
  @Column({ name: 'period_to', type: 'date' }) periodTo: string;
  @Column({ name: 'meeting_date', type: 'date' }) meetingDate: string;
  @Column({ type: 'text', nullable: true }) place: string | null;
  @Column({ name: 'chair_id', type: 'uuid' }) chairId: string;
  @Column({ name: 'attendee_ids', type: 'uuid', array: true }) attendeeIds: string[];
  @Column({ type: 'text', array: true }) guests: string[];
  @Column({ type: 'text' }) state: ManagementReviewState;
  @Column({ name: 'customer_feedback', type: 'text', nullable: true }) customerFeedback: string | null;
  @Column({ name: 'provider_performance', type: 'text', nullable: true }) providerPerformance: string | null;
  @Column({ name: 'resource_adequacy', type: 'text', nullable: true }) resourceAdequacy: string | null;
  @Column({ name: 'context_changes', type: 'text', nullable: true }) contextChanges: string | null;
  @Column({ name: 'improvement_opportunities', type: 'text', nullable: true })
  improvementOpportunities: string | null;
  @Column({ name: 'conclusion_suitability', type: 'text', nullable: true }) conclusionSuitability:
    string | null;
  @Column({ name: 'conclusion_adequacy', type: 'text', nullable: true }) conclusionAdequacy: string | null;
  @Column({ name: 'conclusion_effectiveness', type: 'text', nullable: true })
  conclusionEffectiveness: string | null;
  @Column({ name: 'present_ids', type: 'uuid', array: true }) presentIds: string[];
  @Column({ type: 'jsonb' }) inputs: ReviewInputs;
  @Column({ name: 'compiled_at', type: 'timestamptz' }) compiledAt: Date;
  @Column({ name: 'held_at', type: 'timestamptz', nullable: true }) heldAt: Date | null;
  @Column({ name: 'held_by', type: 'uuid', nullable: true }) heldBy: string | null;
  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true }) signedAt: Date | null;
  @Column({ name: 'minutes_key', type: 'text', nullable: true }) minutesKey: string | null;
  @Column({ name: 'minutes_size', type: 'integer', nullable: true }) minutesSize: number | null;
  @Column({ name: 'minutes_sha256', type: 'text', nullable: true }) minutesSha256: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
