import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An edition of the standard ("TCVN ISO 9001:2015"); exactly one is current. */
@Entity({ name: 'iso_standard_edition' })
export class IsoStandardEditionEntity {
  @PrimaryColumn({ type: 'text' }) code: string;
  @Column({ type: 'text' }) title: string;
  @Column({ name: 'published_year', type: 'integer' }) publishedYear: number;
  @Column({ name: 'is_current', type: 'boolean' }) isCurrent: boolean;
}
