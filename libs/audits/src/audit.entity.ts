import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AuditState } from './audit-state';

/** One internal audit: its plan (scope, dates, team), its state and its conclusion. */
@Entity({ name: 'audit' })
export class AuditEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'programme_id', type: 'uuid' }) programmeId: string;
  @Column({ type: 'integer' }) year: number;
  /** Số thứ tự of the audit in the agency's year (01, 02…). */
  @Column({ type: 'integer' }) serial: number;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) objectives: string;
  @Column({ type: 'text' }) criteria: string;
  @Column({ name: 'clause_edition', type: 'text' }) clauseEdition: string;
  @Column({ name: 'org_unit_ids', type: 'uuid', array: true }) orgUnitIds: string[];
  @Column({ type: 'text', array: true }) clauses: string[];
  /** TTHC procedures (documents of type tthc_procedure, in force) in scope. */
  @Column({ name: 'procedure_document_ids', type: 'uuid', array: true }) procedureDocumentIds: string[];
  @Column({ name: 'start_date', type: 'date' }) startDate: string;
  @Column({ name: 'end_date', type: 'date' }) endDate: string;
  @Column({ name: 'lead_auditor_id', type: 'uuid' }) leadAuditorId: string;
  @Column({ name: 'team_ids', type: 'uuid', array: true }) teamIds: string[];
  @Column({ type: 'text' }) state: AuditState;
  @Column({ name: 'plan_issued_at', type: 'timestamptz', nullable: true }) planIssuedAt: Date | null;
  @Column({ name: 'plan_issued_by', type: 'uuid', nullable: true }) planIssuedBy: string | null;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ type: 'text', nullable: true }) conclusion: string | null;
  @Column({ name: 'reported_at', type: 'timestamptz', nullable: true }) reportedAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
