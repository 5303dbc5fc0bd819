import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A clause of one edition: number ("9.2.1"), parent, Vietnamese and English titles. */
@Entity({ name: 'iso_clause' })
export class IsoClauseEntity {
  @PrimaryColumn({ type: 'text' }) edition: string;
  @PrimaryColumn({ type: 'text' }) number: string;
  @Column({ name: 'parent_number', type: 'text', nullable: true }) parentNumber: string | null;
  @Column({ name: 'title_vi', type: 'text' }) titleVi: string;
  @Column({ name: 'title_en', type: 'text' }) titleEn: string;
  /** The number's parts as integers, so 10 sorts after 9 and 7.10 after 7.9. */
  @Column({ name: 'sort_key', type: 'integer', array: true }) sortKey: number[];
}
