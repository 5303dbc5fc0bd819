import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A record in a batch. Rejecting the batch marks its items, so the records can be proposed again. */
@Entity({ name: 'disposal_item' })
export class DisposalItemEntity {
  @PrimaryColumn({ name: 'disposal_id', type: 'uuid' }) disposalId: string;
  @PrimaryColumn({ name: 'record_id', type: 'uuid' }) recordId: string;
  @Column({ type: 'boolean' }) rejected: boolean;
}
