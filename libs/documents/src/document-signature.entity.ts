import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SignatureMeaning } from './document-type';

/** Who signed what, as whom, when, and the hash of exactly what was signed (DESIGN §1). */
@Entity({ name: 'document_signature' })
export class DocumentSignatureEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId: string;
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
