import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DeclarationKind, DeclarationState } from './declaration-state';

/** A TTHC procedure of the scope as it was in force when the scope was last frozen. */
export interface DeclaredProcedure {
  documentId: string;
  versionId: string;
  code: string;
  title: string;
  tthcCodes: string[];
}

/**
 * Quyết định công bố (lại) HTQLCL phù hợp TCVN ISO 9001:2015: a draft of the ISO secretary, signed
 * by the head (its number, date and the PDF are fixed then), submitted to Sở KH&CN, acknowledged.
 */
@Entity({ name: 'conformity_declaration' })
export class ConformityDeclarationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'text' }) kind: DeclarationKind;
  @Column({ type: 'text' }) state: DeclarationState;
  /** Year and serial of "Số: 03/QĐ-STP": given at signing. */
  @Column({ type: 'integer', nullable: true }) year: number | null;
  @Column({ type: 'integer', nullable: true }) serial: number | null;
  /** "03/QĐ-STP" as printed (the agency's ký hiệu at signing). */
  @Column({ type: 'text', nullable: true }) number: string | null;
  @Column({ name: 'decision_date', type: 'date', nullable: true }) decisionDate: string | null;
  /** The TTHC codes declared; the procedures covering them, frozen to the versions in force. */
  @Column({ name: 'tthc_codes', type: 'text', array: true }) tthcCodes: string[];
  @Column({ type: 'jsonb' }) procedures: DeclaredProcedure[];
  @Column({ name: 'legal_bases', type: 'text', array: true }) legalBases: string[];
  /** The declaration a redeclaration replaces, and the one that replaced this. */
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true }) supersedesId: string | null;
  @Column({ name: 'superseded_by_id', type: 'uuid', nullable: true }) supersededById: string | null;
  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true }) signedAt: Date | null;
  @Column({ name: 'signed_by', type: 'uuid', nullable: true }) signedBy: string | null;
  @Column({ name: 'pdf_key', type: 'text', nullable: true }) pdfKey: string | null;
  @Column({ name: 'pdf_size', type: 'integer', nullable: true }) pdfSize: number | null;
  @Column({ name: 'pdf_sha256', type: 'text', nullable: true }) pdfSha256: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true }) submittedBy: string | null;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt: Date | null;
  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true }) acknowledgedBy: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
