import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Temporary passwords and login failures per account and address.
 *
 * `must_change_password`: a password set by anyone but its holder (a reset) lets the account do
 * nothing but change it. `login_failure` counts wrong passwords per login name (lower-cased, as
 * typed, whether or not an account has it) and client address, so one address cannot lock an
 * account out from everywhere and an unknown name answers exactly like a known one. The row with
 * address `*` is the name's count over every address, for names no account holds (accounts keep
 * theirs in `app_user.failed_login_count`).
 */
export class PasswordLockout1764421000000 implements MigrationInterface {
  name = 'PasswordLockout1764421000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE login_failure (
        login_name text NOT NULL,
        address text NOT NULL,
        failed_count integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_login_failure PRIMARY KEY (login_name, address),
        CONSTRAINT ck_login_failure_count CHECK (failed_count >= 0)
      )`);
    await q.query(`CREATE INDEX ix_login_failure_updated ON login_failure (updated_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_failure`);
    await q.query(`ALTER TABLE app_user DROP COLUMN must_change_password`);
  }
}
