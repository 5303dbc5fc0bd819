import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One action of a corrective action, in a round: owner, due date, done date, evidence files. */
@Entity({ name: 'corrective_action_task' })
export class CorrectiveActionTaskEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'corrective_action_id', type: 'uuid' }) correctiveActionId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'integer' }) round: number;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'owner_id', type: 'uuid' }) ownerId: string;
  @Column({ name: 'due_date', type: 'date' }) dueDate: string;
  @Column({ name: 'done_on', type: 'date', nullable: true }) doneOn: string | null;
  @Column({ name: 'done_note', type: 'text', nullable: true }) doneNote: string | null;
  /** A document the action revises: the corrective action closes only after a newer issue. */
  @Column({ name: 'document_id', type: 'uuid', nullable: true }) documentId: string | null;
  /** The document's issue number in force when the action was raised (null: none in force). */
  @Column({ name: 'document_issue_at_raise', type: 'integer', nullable: true }) documentIssueAtRaise:
    number | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
