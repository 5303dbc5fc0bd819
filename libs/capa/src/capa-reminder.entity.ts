import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CapaReminderKind = 'action_due_soon' | 'action_overdue' | 'verification_due';

/** What capa.due has sent: one row per item, kind and day, so a rerun sends nothing twice. */
@Entity({ name: 'capa_reminder' })
export class CapaReminderEntity {
  @PrimaryColumn({ type: 'text' }) kind: CapaReminderKind;
  @PrimaryColumn({ name: 'item_id', type: 'uuid' }) itemId: string;
  @PrimaryColumn({ type: 'date' }) day: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'sent_at', type: 'timestamptz' }) sentAt: Date;
}
