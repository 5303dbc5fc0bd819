import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RiskLevel } from './risk-state';

/** One assessment of a risk: the first at creation (position 1), then every re-assessment. */
@Entity({ name: 'risk_assessment' })
export class RiskAssessmentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'risk_id', type: 'uuid' }) riskId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'integer' }) likelihood: number;
  @Column({ type: 'integer' }) impact: number;
  @Column({ type: 'integer' }) score: number;
  @Column({ type: 'text' }) level: RiskLevel;
  @Column({ type: 'text' }) treatment: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'review_date', type: 'date' }) reviewDate: string;
  @Column({ name: 'assessed_by', type: 'uuid' }) assessedBy: string;
  @Column({ name: 'assessed_at', type: 'timestamptz' }) assessedAt: Date;
}
