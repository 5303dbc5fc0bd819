import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '@eiso/common';

@Entity({ name: 'app_user' })
export class UserEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** Chức vụ, printed on signature pages. */
  @Column({ type: 'text', nullable: true })
  position: string | null;

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId: string | null;

  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true })
  orgUnitId: string | null;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'failed_login_count', type: 'integer', default: 0 })
  failedLoginCount: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  /** Wrong signing passwords in a row, counted apart from failed logins. */
  @Column({ name: 'signing_failed_count', type: 'integer', default: 0 })
  signingFailedCount: number;

  /** Signing (not login) is refused until then. */
  @Column({ name: 'signing_locked_until', type: 'timestamptz', nullable: true })
  signingLockedUntil: Date | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz' })
  passwordChangedAt: Date;

  /** Set by anyone but its holder: the account may do nothing but change it. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer' })
  version: number;
}
