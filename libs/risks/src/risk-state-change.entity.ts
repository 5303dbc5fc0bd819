import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RiskState } from './risk-state';

/** A closing or a reopening of a risk, with its reason: the register's history of states. */
@Entity({ name: 'risk_state_change' })
export class RiskStateChangeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'risk_id', type: 'uuid' }) riskId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ name: 'to_state', type: 'text' }) toState: RiskState;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'changed_by', type: 'uuid' }) changedBy: string;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt: Date;
}
