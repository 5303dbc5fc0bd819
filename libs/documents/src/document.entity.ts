import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DocumentType } from './document-type';

@Entity({ name: 'document' })
export class DocumentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) type: DocumentType;
  @Column({ name: 'owner_org_unit_id', type: 'uuid', nullable: true }) ownerOrgUnitId: string | null;
  @Column({ name: 'iso_clauses', type: 'text', array: true }) isoClauses: string[];
  @Column({ name: 'tthc_codes', type: 'text', array: true }) tthcCodes: string[];
  @Column({ name: 'review_interval_months', type: 'integer' }) reviewIntervalMonths: number;
  /** Calendar date (YYYY-MM-DD) of the next periodic review; set when a version is issued. */
  @Column({ name: 'next_review_date', type: 'date', nullable: true }) nextReviewDate: string | null;
  /** The last issued version (effective, or obsolete after withdrawal). */
  @Column({ name: 'current_version_id', type: 'uuid', nullable: true }) currentVersionId: string | null;
  /** The version issued with a future effective date, waiting for it (at most one). */
  @Column({ name: 'scheduled_version_id', type: 'uuid', nullable: true }) scheduledVersionId: string | null;
  @Column({ name: 'issue_count', type: 'integer' }) issueCount: number;
  @Column({ type: 'text' }) status: 'active' | 'obsolete';
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
