import { Column, Entity, PrimaryColumn } from 'typeorm';
import {
  ObjectiveAggregation,
  ObjectiveDirection,
  ObjectiveFrequency,
  ObjectiveState,
} from './objective-state';

/** Mục tiêu chất lượng of an agency's year (ISO 9001 clause 6.2), owned by one org unit. */
@Entity({ name: 'objective' })
export class ObjectiveEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'text' }) statement: string;
  @Column({ name: 'kpi_name', type: 'text' }) kpiName: string;
  @Column({ type: 'text' }) unit: string;
  @Column({ type: 'text' }) direction: ObjectiveDirection;
  @Column({ type: 'double precision' }) target: number;
  @Column({ type: 'text' }) frequency: ObjectiveFrequency;
  @Column({ type: 'text' }) aggregation: ObjectiveAggregation;
  @Column({ name: 'owner_org_unit_id', type: 'uuid' }) ownerOrgUnitId: string;
  @Column({ type: 'text' }) state: ObjectiveState;
  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true }) withdrawnReason: string | null;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true }) withdrawnBy: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'updated_by', type: 'uuid' }) updatedBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
