import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NonconformitySeverity, NonconformitySource, NonconformityState } from './capa-state';

/** Sự không phù hợp: numbered serial/year per agency, from one of five sources. */
@Entity({ name: 'nonconformity' })
export class NonconformityEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'integer' }) serial: number;
  @Column({ type: 'text' }) source: NonconformitySource;
  @Column({ type: 'text' }) severity: NonconformitySeverity;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text', nullable: true }) clause: string | null;
  @Column({ name: 'clause_edition', type: 'text', nullable: true }) clauseEdition: string | null;
  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true }) orgUnitId: string | null;
  @Column({ name: 'detected_on', type: 'date' }) detectedOn: string;
  @Column({ name: 'detected_by', type: 'uuid' }) detectedBy: string;
  @Column({ name: 'audit_id', type: 'uuid', nullable: true }) auditId: string | null;
  @Column({ name: 'finding_id', type: 'uuid', nullable: true }) findingId: string | null;
  @Column({ name: 'complaint_ref', type: 'text', nullable: true }) complaintRef: string | null;
  @Column({ type: 'text', nullable: true }) complainant: string | null;
  @Column({ name: 'tthc_code', type: 'text', nullable: true }) tthcCode: string | null;
  @Column({ name: 'dossier_number', type: 'text', nullable: true }) dossierNumber: string | null;
  @Column({ name: 'days_late', type: 'integer', nullable: true }) daysLate: number | null;
  @Column({ name: 'management_review_ref', type: 'text', nullable: true }) managementReviewRef: string | null;
  @Column({ type: 'text' }) state: NonconformityState;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
