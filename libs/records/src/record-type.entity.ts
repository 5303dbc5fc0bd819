import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A line of the Danh mục hồ sơ: what kind of record, how long it is kept, where and by whom. */
@Entity({ name: 'record_type' })
export class RecordTypeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
  /** The procedure that produces these records. */
  @Column({ name: 'document_id', type: 'uuid', nullable: true }) documentId: string | null;
  /** null when permanent. */
  @Column({ name: 'retention_months', type: 'integer', nullable: true }) retentionMonths: number | null;
  @Column({ type: 'boolean' }) permanent: boolean;
  @Column({ name: 'storage_place', type: 'text' }) storagePlace: string;
  @Column({ name: 'responsible_org_unit_id', type: 'uuid' }) responsibleOrgUnitId: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'integer' }) version: number;
}
