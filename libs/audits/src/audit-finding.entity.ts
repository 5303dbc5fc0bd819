import { Column, Entity, PrimaryColumn } from 'typeorm';
import { FindingType } from './audit-state';

/** A finding of an audit: its grade, the clause and org unit, the statement and the evidence. */
@Entity({ name: 'audit_finding' })
export class AuditFindingEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'audit_id', type: 'uuid' }) auditId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'integer' }) serial: number;
  @Column({ type: 'text' }) type: FindingType;
  @Column({ type: 'text' }) clause: string;
  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true }) orgUnitId: string | null;
  @Column({ name: 'checklist_item_id', type: 'uuid', nullable: true }) checklistItemId: string | null;
  @Column({ type: 'text' }) statement: string;
  @Column({ type: 'text', nullable: true }) evidence: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
