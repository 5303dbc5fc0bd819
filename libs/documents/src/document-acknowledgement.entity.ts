import { Column, Entity, PrimaryColumn } from 'typeorm';

/** "Đã đọc và hiểu": once per user and version. */
@Entity({ name: 'document_acknowledgement' })
export class DocumentAcknowledgementEntity {
  @PrimaryColumn({ name: 'version_id', type: 'uuid' }) versionId: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'acknowledged_at', type: 'timestamptz' }) acknowledgedAt: Date;
}
