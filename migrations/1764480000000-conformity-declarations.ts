import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conformity declarations (DESIGN §8): one open draft per agency at a time; the number, date and
 * decision PDF exist exactly when signed; a redeclaration names the declaration it replaces.
 */
export class ConformityDeclarations1764480000000 implements MigrationInterface {
  name = 'ConformityDeclarations1764480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conformity_declaration (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        kind text NOT NULL,
        state text NOT NULL DEFAULT 'draft',
        year integer,
        serial integer,
        number text,
        decision_date date,
        tthc_codes text[] NOT NULL DEFAULT '{}',
        procedures jsonb NOT NULL DEFAULT '[]',
        legal_bases text[] NOT NULL DEFAULT '{}',
        supersedes_id uuid,
        superseded_by_id uuid,
        signed_at timestamptz,
        signed_by uuid,
        pdf_key text,
        pdf_size integer,
        pdf_sha256 text,
        submitted_at timestamptz,
        submitted_by uuid,
        acknowledged_at timestamptz,
        acknowledged_by uuid,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_conformity_declaration PRIMARY KEY (id),
        CONSTRAINT fk_conformity_declaration_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
        CONSTRAINT fk_conformity_declaration_supersedes FOREIGN KEY (supersedes_id)
          REFERENCES conformity_declaration (id),
        CONSTRAINT fk_conformity_declaration_superseded_by FOREIGN KEY (superseded_by_id)
          REFERENCES conformity_declaration (id),
        CONSTRAINT fk_conformity_declaration_signed_by FOREIGN KEY (signed_by) REFERENCES app_user (id),
        CONSTRAINT fk_conformity_declaration_submitted_by FOREIGN KEY (submitted_by) REFERENCES app_user (id),
        CONSTRAINT fk_conformity_declaration_acknowledged_by FOREIGN KEY (acknowledged_by)
          REFERENCES app_user (id),
        CONSTRAINT fk_conformity_declaration_created_by FOREIGN KEY (created_by) REFERENCES app_user (id),
        CONSTRAINT ck_conformity_declaration_kind CHECK (kind IN ('initial', 'redeclaration')),
        CONSTRAINT ck_conformity_declaration_state
          CHECK (state IN ('draft', 'signed', 'submitted', 'acknowledged')),
        CONSTRAINT ck_conformity_declaration_signed CHECK (
          (state = 'draft') = (signed_at IS NULL)
          AND (state = 'draft') = (pdf_key IS NULL)
          AND (state = 'draft') = (serial IS NULL)
          AND (state = 'draft') = (number IS NULL)
          AND (state = 'draft') = (decision_date IS NULL)),
        CONSTRAINT ck_conformity_declaration_submitted
          CHECK ((state IN ('submitted', 'acknowledged')) = (submitted_at IS NOT NULL)),
        CONSTRAINT ck_conformity_declaration_acknowledged
          CHECK ((state = 'acknowledged') = (acknowledged_at IS NOT NULL)),
        CONSTRAINT ck_conformity_declaration_redeclaration
          CHECK ((kind = 'redeclaration') = (supersedes_id IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_conformity_declaration_number ON conformity_declaration (agency_id, year, serial)
        WHERE serial IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_conformity_declaration_draft ON conformity_declaration (agency_id)
        WHERE state = 'draft'`,
    );
    await q.query(
      `CREATE INDEX ix_conformity_declaration_agency_signed ON conformity_declaration (agency_id, signed_at DESC)
        WHERE state <> 'draft'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE conformity_declaration`);
  }
}
