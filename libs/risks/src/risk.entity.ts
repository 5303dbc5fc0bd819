import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RiskContext, RiskKind, RiskLevel, RiskState } from './risk-state';

/** A risk or an opportunity of the agency's register, with its assessment in force. */
@Entity({ name: 'risk' })
export class RiskEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'text' }) kind: RiskKind;
  @Column({ type: 'integer' }) serial: number;
  @Column({ type: 'text' }) context: RiskContext;
  @Column({ name: 'context_note', type: 'text', nullable: true }) contextNote: string | null;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'owner_org_unit_id', type: 'uuid' }) ownerOrgUnitId: string;
  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true }) ownerUserId: string | null;
  @Column({ type: 'integer' }) likelihood: number;
  @Column({ type: 'integer' }) impact: number;
  @Column({ type: 'integer' }) score: number;
  @Column({ type: 'text' }) level: RiskLevel;
  @Column({ type: 'text' }) treatment: string;
  @Column({ name: 'review_date', type: 'date' }) reviewDate: string;
  @Column({ type: 'text' }) state: RiskState;
  @Column({ name: 'close_reason', type: 'text', nullable: true }) closeReason: string | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'closed_by', type: 'uuid', nullable: true }) closedBy: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
