import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a clause of one edition went in a later edition (one to many). */
@Entity({ name: 'iso_clause_mapping' })
export class IsoClauseMappingEntity {
  @PrimaryColumn({ name: 'from_edition', type: 'text' }) fromEdition: string;
  @PrimaryColumn({ name: 'from_number', type: 'text' }) fromNumber: string;
  @PrimaryColumn({ name: 'to_edition', type: 'text' }) toEdition: string;
  @PrimaryColumn({ name: 'to_number', type: 'text' }) toNumber: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
}
