import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per-TTHC counts of a month imported from the one-stop-shop export. */
export interface LateDossierDetail {
  tthc: { code: string; name: string; onTime: number; late: number }[];
}

/** The value of one period of an objective; one per (objective, period). */
@Entity({ name: 'objective_measurement' })
export class ObjectiveMeasurementEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'objective_id', type: 'uuid' }) objectiveId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'text' }) period: string;
  @Column({ name: 'period_start', type: 'date' }) periodStart: string;
  @Column({ type: 'double precision' }) value: number;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'jsonb', nullable: true }) detail: LateDossierDetail | null;
  @Column({ name: 'nonconformity_id', type: 'uuid', nullable: true }) nonconformityId: string | null;
  @Column({ name: 'nonconformity_number', type: 'text', nullable: true }) nonconformityNumber: string | null;
  @Column({ name: 'entered_by', type: 'uuid' }) enteredBy: string;
  @Column({ name: 'entered_at', type: 'timestamptz' }) enteredAt: Date;
  @Column({ name: 'updated_by', type: 'uuid' }) updatedBy: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
