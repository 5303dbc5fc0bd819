import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One in-app notification of one user; the e-mail copy is optional (emailedAt). */
@Entity({ name: 'notification' })
export class NotificationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId: string | null;

  /** What happened, e.g. `document.submitted`. */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'entity_type', type: 'text', nullable: true })
  entityType: string | null;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId: string | null;

  @Column({ type: 'text', nullable: true })
  link: string | null;

  /** Once per user and key (partial unique index); null never deduplicates. */
  @Column({ name: 'dedup_key', type: 'text', nullable: true })
  dedupKey: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt: Date | null;
}
