import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ChecklistAnswer, ChecklistItemKind } from './audit-state';

/** A question of an audit's checklist: a clause in scope, or "is the procedure followed?". */
@Entity({ name: 'audit_checklist_item' })
export class AuditChecklistItemEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'audit_id', type: 'uuid' }) auditId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'text' }) kind: ChecklistItemKind;
  @Column({ type: 'text', nullable: true }) clause: string | null;
  @Column({ name: 'document_id', type: 'uuid', nullable: true }) documentId: string | null;
  /** The version in force when the checklist was made. */
  @Column({ name: 'document_version_id', type: 'uuid', nullable: true }) documentVersionId: string | null;
  @Column({ type: 'text' }) question: string;
  @Column({ type: 'text', nullable: true }) answer: ChecklistAnswer | null;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  /** Mẫu kiểm tra: the dossier numbers checked. */
  @Column({ type: 'text', nullable: true }) sample: string | null;
  @Column({ name: 'answered_by', type: 'uuid', nullable: true }) answeredBy: string | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
