import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AuditRiskLevel = 'low' | 'medium' | 'high';

/** A line of the programme: an org unit or a process, its risk, and how often it is audited. */
@Entity({ name: 'audit_programme_entry' })
export class AuditProgrammeEntryEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'programme_id', type: 'uuid' }) programmeId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true }) orgUnitId: string | null;
  @Column({ type: 'text', nullable: true }) process: string | null;
  @Column({ name: 'risk_level', type: 'text' }) riskLevel: AuditRiskLevel;
  @Column({ name: 'audits_per_year', type: 'integer' }) auditsPerYear: number;
  /** Months (1–12) in which the line is planned to be audited. */
  @Column({ name: 'planned_months', type: 'integer', array: true }) plannedMonths: number[];
  @Column({ type: 'text', nullable: true }) note: string | null;
}
