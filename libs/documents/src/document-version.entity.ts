import { Column, Entity, PrimaryColumn } from 'typeorm';
import { VersionState } from './document-type';

@Entity({ name: 'document_version' })
export class DocumentVersionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  /** 1, 2, 3… per document, in creation order. */
  @Column({ type: 'integer' }) revision: number;
  /** Lần ban hành: set when issued. */
  @Column({ name: 'issue_number', type: 'integer', nullable: true }) issueNumber: number | null;
  @Column({ type: 'text' }) state: VersionState;
  @Column({ type: 'text' }) title: string;
  @Column({ name: 'iso_clauses', type: 'text', array: true }) isoClauses: string[];
  @Column({ name: 'tthc_codes', type: 'text', array: true }) tthcCodes: string[];
  @Column({ name: 'change_summary', type: 'text', nullable: true }) changeSummary: string | null;
  /** External documents only (external-source.ts): cơ quan ban hành, số ký hiệu, dates, nơi lưu. */
  @Column({ name: 'issuing_body', type: 'text', nullable: true }) issuingBody: string | null;
  @Column({ name: 'number_symbol', type: 'text', nullable: true }) numberSymbol: string | null;
  @Column({ name: 'issued_date', type: 'date', nullable: true }) issuedDate: string | null;
  @Column({ name: 'in_force_date', type: 'date', nullable: true }) inForceDate: string | null;
  @Column({ name: 'storage_place', type: 'text', nullable: true }) storagePlace: string | null;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ name: 'based_on_version_id', type: 'uuid', nullable: true }) basedOnVersionId: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'effective_from', type: 'date', nullable: true }) effectiveFrom: string | null;
  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true }) issuedAt: Date | null;
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true }) supersededAt: Date | null;
  @Column({ name: 'obsoleted_at', type: 'timestamptz', nullable: true }) obsoletedAt: Date | null;
  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true }) withdrawalReason: string | null;
  @Column({ name: 'controlled_copy_key', type: 'text', nullable: true }) controlledCopyKey: string | null;
  /** The version state the stored copy was rendered for; a different state means re-render. */
  @Column({ name: 'controlled_copy_state', type: 'text', nullable: true })
  controlledCopyState: VersionState | null;
  /** What the stored copy was made from: `pdf`, `rendition` (of a Word file) or `cover` (only a cover page). */
  @Column({ name: 'controlled_copy_source', type: 'text', nullable: true })
  controlledCopySource: 'pdf' | 'rendition' | 'cover' | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
