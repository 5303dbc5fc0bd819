import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ReviewActionKind, ReviewActionState } from './management-review-state';

/** A decision or action of a review (9.3.3), tracked until its owner reports it done. */
@Entity({ name: 'management_review_action' })
export class ManagementReviewActionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'review_id', type: 'uuid' }) reviewId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'text' }) kind: ReviewActionKind;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'owner_id', type: 'uuid' }) ownerId: string;
  @Column({ name: 'due_date', type: 'date' }) dueDate: string;
  @Column({ type: 'text' }) state: ReviewActionState;
  @Column({ name: 'done_on', type: 'date', nullable: true }) doneOn: string | null;
  @Column({ name: 'done_note', type: 'text', nullable: true }) doneNote: string | null;
  @Column({ name: 'done_by', type: 'uuid', nullable: true }) doneBy: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
