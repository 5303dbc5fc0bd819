import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Chương trình đánh giá nội bộ of one agency and year (ISO 19011 §5): objectives and criteria. */
@Entity({ name: 'audit_programme' })
export class AuditProgrammeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) objectives: string;
  @Column({ type: 'text' }) criteria: string;
  /** The edition of TCVN ISO 9001 whose clauses the programme's audits use. */
  @Column({ name: 'clause_edition', type: 'text' }) clauseEdition: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
