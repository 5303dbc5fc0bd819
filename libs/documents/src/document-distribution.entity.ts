import { Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'document_distribution' })
export class DocumentDistributionEntity {
  @PrimaryColumn({ name: 'document_id', type: 'uuid' }) documentId: string;
  @PrimaryColumn({ name: 'target_type', type: 'text' }) targetType: 'org_unit' | 'user';
  @PrimaryColumn({ name: 'target_id', type: 'uuid' }) targetId: string;
}
