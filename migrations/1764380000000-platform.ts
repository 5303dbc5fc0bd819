import { MigrationInterface, QueryRunner } from 'typeorm';

/** Platform: text folding, agencies, org units, users, refresh tokens and the append-only audit trail. */
export class Platform1764380000000 implements MigrationInterface {
  name = 'Platform1764380000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // unaccent() is only STABLE; an IMMUTABLE wrapper with an explicit dictionary can back indexes.
    await q.query(`
      CREATE FUNCTION eiso_fold(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
      $$ SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary,
           translate(value, 'đĐ', 'dD'))), '\\s+', ' ', 'g')) $$`);

    await q.query(`
      CREATE TABLE agency (
        id uuid NOT NULL,
        code text,
        name text NOT NULL,
        level text NOT NULL,
        parent_id uuid,
        roadmap_year integer,
        status text NOT NULL DEFAULT 'active',
        successor_id uuid,
        valid_from date NOT NULL DEFAULT CURRENT_DATE,
        valid_to date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_agency PRIMARY KEY (id),
        CONSTRAINT fk_agency_parent FOREIGN KEY (parent_id) REFERENCES agency (id),
        CONSTRAINT fk_agency_successor FOREIGN KEY (successor_id) REFERENCES agency (id),
        CONSTRAINT ck_agency_level CHECK (level IN ('province', 'province_department', 'sub_department',
          'district', 'commune', 'public_service_unit', 'other')),
        CONSTRAINT ck_agency_status CHECK (status IN ('active', 'merged', 'dissolved')),
        CONSTRAINT ck_agency_roadmap_year CHECK (roadmap_year IS NULL OR roadmap_year BETWEEN 2000 AND 2100),
        CONSTRAINT ck_agency_validity CHECK (valid_to IS NULL OR valid_to >= valid_from),
        CONSTRAINT ck_agency_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_agency_code ON agency (lower(code)) WHERE code IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX ux_agency_parent_name ON agency
      (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), eiso_fold(name))`);
    await q.query(`CREATE INDEX ix_agency_parent ON agency (parent_id)`);
    await q.query(`CREATE INDEX ix_agency_level_roadmap ON agency (level, roadmap_year)`);
    await q.query(`CREATE INDEX ix_agency_name_fold ON agency USING gin (eiso_fold(name) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE org_unit (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        parent_id uuid,
        code text,
        name text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_org_unit PRIMARY KEY (id),
        CONSTRAINT fk_org_unit_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_org_unit_parent FOREIGN KEY (parent_id) REFERENCES org_unit (id)
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_org_unit_agency_name ON org_unit (agency_id, eiso_fold(name))`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid NOT NULL,
        username text NOT NULL,
        full_name text NOT NULL,
        email text,
        position text,
        agency_id uuid,
        org_unit_id uuid,
        roles text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        password_hash text NOT NULL,
        failed_login_count integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_login_at timestamptz,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_app_user PRIMARY KEY (id),
        CONSTRAINT fk_app_user_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_app_user_org_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id),
        CONSTRAINT ck_app_user_roles CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['drafter', 'reviewer',
          'approver', 'iso_secretary', 'auditor', 'staff', 'overseer', 'admin']::text[]),
        CONSTRAINT ck_app_user_agency CHECK (agency_id IS NOT NULL OR 'admin' = ANY (roles))
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_app_user_username ON app_user (lower(username))`);
    await q.query(`CREATE INDEX ix_app_user_agency ON app_user (agency_id)`);

    await q.query(`
      CREATE TABLE refresh_token (
        id uuid NOT NULL,
        user_id uuid NOT NULL,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_refresh_token PRIMARY KEY (id),
        CONSTRAINT fk_refresh_token_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_refresh_token_hash ON refresh_token (token_hash)`);
    await q.query(`CREATE INDEX ix_refresh_token_family ON refresh_token (family_id)`);

    await q.query(`
      CREATE TABLE audit_event (
        seq bigint GENERATED ALWAYS AS IDENTITY,
        id uuid NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        actor_username text NOT NULL,
        agency_id uuid,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        action text NOT NULL,
        before jsonb,
        after jsonb,
        request_id text,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        CONSTRAINT pk_audit_event PRIMARY KEY (seq),
        CONSTRAINT ux_audit_event_id UNIQUE (id),
        CONSTRAINT ux_audit_event_hash UNIQUE (hash)
      )`);
    await q.query(`CREATE INDEX ix_audit_event_entity ON audit_event (entity_type, entity_id)`);
    await q.query(`CREATE INDEX ix_audit_event_actor ON audit_event (actor_id, occurred_at)`);
    await q.query(`CREATE INDEX ix_audit_event_agency ON audit_event (agency_id, occurred_at)`);
    await q.query(`CREATE INDEX ix_audit_event_time ON audit_event (occurred_at)`);
    // Append-only whatever the role: the trigger refuses changes; only a superuser who disables it can tamper,
    // and the hash chain then shows where.
    await q.query(`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER tr_audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await q.query(`CREATE TRIGGER tr_audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_refuse_change()`);
    await q.query(`DROP TABLE refresh_token`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE org_unit`);
    await q.query(`DROP TABLE agency`);
    await q.query(`DROP FUNCTION eiso_fold(text)`);
  }
}
