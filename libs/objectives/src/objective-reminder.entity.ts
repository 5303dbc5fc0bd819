import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What objectives.due has sent: one row per objective, period and day, so a rerun sends nothing twice. */
@Entity({ name: 'objective_reminder' })
export class ObjectiveReminderEntity {
  @PrimaryColumn({ name: 'objective_id', type: 'uuid' }) objectiveId: string;
  @PrimaryColumn({ type: 'text' }) period: string;
  @PrimaryColumn({ type: 'date' }) day: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'sent_at', type: 'timestamptz' }) sentAt: Date;
}
