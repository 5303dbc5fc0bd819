import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AgencyLevel, AgencyStatus } from './agency-level';

/** A state agency (cơ quan). Parent and successor are plain ids: no relation decorators. */
@Entity({ name: 'agency' })
export class AgencyEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text', nullable: true })
  code: string | null;

  @Column({ type: 'text' })
  name: string;

  /** Ký hiệu in document numbers ("STP" in "Số: 01/BB-STP"). */
  @Column({ type: 'text', nullable: true })
  abbreviation: string | null;

  /** Địa danh of the place-and-date line; null takes the nearest one above (the province's). */
  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Column({ type: 'text' })
  level: AgencyLevel;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  /** The year by which the agency must run e-ISO. */
  @Column({ name: 'roadmap_year', type: 'integer', nullable: true })
  roadmapYear: number | null;

  @Column({ type: 'text' })
  status: AgencyStatus;

  @Column({ name: 'successor_id', type: 'uuid', nullable: true })
  successorId: string | null;

  /** `YYYY-MM-DD`; pg returns dates as strings, which is what the API shows. */
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Optimistic concurrency: every edit raises it; the ETag is `"<version>"`. */
  @Column({ type: 'integer' })
  version: number;
}
