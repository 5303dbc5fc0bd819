import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What risks.review-due has sent: one row per risk and review date, so nothing is sent twice. */
@Entity({ name: 'risk_reminder' })
export class RiskReminderEntity {
  @PrimaryColumn({ name: 'risk_id', type: 'uuid' }) riskId: string;
  @PrimaryColumn({ name: 'review_date', type: 'date' }) reviewDate: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'sent_at', type: 'timestamptz' }) sentAt: Date;
}
