import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SignatureMeaning } from './signature-meaning';
import { SignatureSubjectType } from './signature-subject';

/**
 * Who signed what, as whom, when, and the sha256 of exactly what was signed (DESIGN §1). Name,
 * position and role are the signer's at signing: a later change of any of them changes nothing here.
 */
@Entity({ name: 'signature' })
export class SignatureEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'subject_type', type: 'text' }) subjectType: SignatureSubjectType;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId: string;
  @Column({ type: 'text' }) meaning: SignatureMeaning;
  @Column({ name: 'signer_id', type: 'uuid' }) signerId: string;
  @Column({ name: 'signer_name', type: 'text' }) signerName: string;
  @Column({ name: 'signer_position', type: 'text', nullable: true }) signerPosition: string | null;
  @Column({ name: 'signer_role', type: 'text' }) signerRole: string;
  @Column({ name: 'signed_at', type: 'timestamptz' }) signedAt: Date;
  @Column({ name: 'content_hash', type: 'char', length: 64 }) contentHash: string;
  /** When the signer's password had last been set, at signing; null for signatures made before it was kept. */
  @Column({ name: 'signer_password_set_at', type: 'timestamptz', nullable: true })
  signerPasswordSetAt: Date | null;
  @Column({ type: 'text', nullable: true }) comment: string | null;
}
