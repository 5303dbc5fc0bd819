import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@eiso/common';
import { expectOneWinner, race, raceAtTableLock } from '../support/races';
import { createTestContext, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');

type Coverage = { racedIn: string } | { unreachable: string };

const PLATFORM = 'test/platform/unique-constraints.e2e-spec.ts';
const DOCUMENTS = 'test/documents/unique-races.e2e-spec.ts';
const RECORDS = 'test/records/unique-races.e2e-spec.ts';

/**
 * Every unique index and composite primary key of the schema: the suite that races the requests
 * able to collide on it, or why no client can. A new one fails the first test until it is listed
 * here, so a migration cannot add a uniqueness that answers 500 under concurrency unnoticed.
 * Single-column `id` primary keys are left out: the server generates those UUIDs.
 */
const UNIQUE_INDEXES: Record<string, Coverage> = {
  ux_agency_code: { racedIn: PLATFORM },
  ux_agency_parent_name: { racedIn: PLATFORM },
  ux_org_unit_agency_name: { racedIn: PLATFORM },
  ux_app_user_username: { racedIn: PLATFORM },
  ux_refresh_token_hash: { unreachable: 'sha256 of 32 random bytes the server mints per session' },
  ux_audit_event_id: { unreachable: 'a random UUID per event' },
  ux_audit_event_hash: { unreachable: 'sha256 over the link, which holds its random id' },
  pk_audit_event: { unreachable: 'a sequence' },
  ux_document_agency_code: { racedIn: DOCUMENTS },
  ux_document_version_revision: { racedIn: DOCUMENTS },
  ux_document_version_one_in_flight: { racedIn: DOCUMENTS },
  ux_document_version_one_effective: { racedIn: DOCUMENTS },
  ux_document_version_one_scheduled: { racedIn: DOCUMENTS },
  ux_document_version_issue_number: { racedIn: DOCUMENTS },
  ux_attachment_one_primary: { racedIn: DOCUMENTS },
  pk_document_acknowledgement: { racedIn: DOCUMENTS },
  pk_document_distribution: {
    unreachable: 'written once, with the document, from a de-duplicated list; no route edits it',
  },
  ux_notification_dedup: { unreachable: 'inserted with ON CONFLICT DO NOTHING: a duplicate is skipped' },
  pk_login_failure: { unreachable: 'upserted with ON CONFLICT (login_name, address) DO UPDATE' },
  ux_record_type_agency_code: { racedIn: RECORDS },
  pk_record_search: { unreachable: 'one row per record, written with the record (a random UUID)' },
  ux_disposal_agency_number: { racedIn: RECORDS },
  ux_disposal_item_open_record: { racedIn: RECORDS },
  ux_job_outbox_job_id: {
    unreachable:
      'JobOutbox.add inserts ON CONFLICT (job_id) DO NOTHING: a second add of a waiting job is ignored',
  },
  ux_job_run_catch_up: {
    unreachable: 'claimed at start with INSERT … ON CONFLICT DO NOTHING (test/jobs); no route writes it',
  },
  pk_disposal_item: {
    unreachable: 'a new batch id per proposal, and its record ids are de-duplicated (@ArrayUnique)',
  },
  // ISO 9001 reference data and capa.due (H1)
  pk_iso_standard_edition: { unreachable: 'reference data written by migrations; no route writes editions' },
  uq_iso_standard_edition_current: {
    unreachable: 'reference data written by migrations; no route writes editions',
  },
  pk_iso_clause: { unreachable: 'reference data written by migrations; no route writes clauses' },
  pk_iso_clause_mapping: { unreachable: 'reference data written by migrations; no route writes mappings' },
  pk_capa_reminder: {
    unreachable:
      'written only by the capa.due job, with ON CONFLICT DO NOTHING (a racing run sends nothing twice)',
  },
  // --- management reviews ---
  uq_management_review_number: { racedIn: 'test/management-reviews/management-reviews.e2e-spec.ts' },
  uq_management_review_action_position: { racedIn: 'test/management-reviews/management-reviews.e2e-spec.ts' },
  // --- objectives ---
  uq_objective_measurement_period: { racedIn: 'test/objectives/objectives.e2e-spec.ts' },
  uq_objective_measurement_nonconformity: {
    unreachable:
      'set only by the late-dossier route, under the measurement row lock, to the nonconformity it has just raised',
  },
  pk_objective_reminder: {
    unreachable:
      'written only by the objectives.due job, with ON CONFLICT DO NOTHING (a racing run sends nothing twice)',
  },
  // risks (issue 15)
  uq_risk_agency_kind_serial: { racedIn: 'test/risks/risks.e2e-spec.ts' },
  pk_risk_reminder: {
    unreachable:
      'written only by the risks.review-due job, with ON CONFLICT DO NOTHING (a racing run sends nothing twice)',
  },
  // corrective actions (H3)
  uq_corrective_action_nonconformity: { racedIn: 'test/capa/corrective-actions.e2e-spec.ts' },
  uq_corrective_action_task_position: { racedIn: 'test/capa/corrective-actions.e2e-spec.ts' },
  uq_corrective_action_verification_round: { racedIn: 'test/capa/corrective-actions.e2e-spec.ts' },
  // audit programmes and audits (H5)
  uq_audit_programme_agency_year: { racedIn: 'test/audits/audit-planning.e2e-spec.ts' },
  // --- conformity declarations ---
  uq_conformity_declaration_draft: { racedIn: 'test/conformity/declarations.e2e-spec.ts' },
  uq_conformity_declaration_number: {
    unreachable:
      'the serial is drawn under an advisory lock per agency and year, held by the signing transaction until it commits',
  },
  uq_audit_agency_year_serial: {
    unreachable:
      "the serial is drawn under the programme's row lock (one programme per agency and year), which " +
      'every plan of the year takes (test/audits/audit-planning.e2e-spec.ts races five plans: numbered apart)',
  },
  uq_audit_checklist_item_position: {
    unreachable:
      "written once, in one insert numbered from 1, when the lead auditor starts the audit under the audit's " +
      'row lock; a second start is refused (AUDIT_INVALID_TRANSITION)',
  },
  // audit findings and report (H6)
  uq_audit_finding_serial: {
    unreachable:
      "the serial is drawn under the audit's row lock, which every finding write takes " +
      '(test/audits/audit-report.e2e-spec.ts races two findings: both succeed, numbered apart)',
  },
  // nonconformities (H2)
  uq_nonconformity_agency_year_serial: { racedIn: 'test/capa/nonconformities.e2e-spec.ts' },
  uq_nonconformity_late_dossier: { racedIn: 'test/capa/nonconformities.e2e-spec.ts' },
  uq_nonconformity_finding: {
    unreachable:
      'raised only by NonconformityRaiser within the audit report, which answers a finding already raised ' +
      'with its nonconformity instead of inserting it again',
  },
  // --- content ---
  pk_file_content: {
    unreachable: 'one row per stored object, inserted ON CONFLICT (source_key) DO NOTHING (a copy shares it)',
  },
};

describe('unique constraints: concurrent requests end in 409, never 500', () => {
  let ctx: TestContext;
  let secretary: TestUser;
  let agencyId: string;

  const post = (user: TestUser, path: string, body: object) =>
    ctx.http().post(`/api/v1${path}`).set('Authorization', user.auth).send(body);

  beforeAll(async () => {
    ctx = await createTestContext();
    agencyId = (await ctx.newAgency({ name: 'Sở Giáo dục và Đào tạo' })).id;
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId });
  });
  afterAll(() => ctx.close());

  it('lists every unique index of the schema with the suite that races it', async () => {
    const rows = await ctx.sql<{ name: string; columns: string[]; primary: boolean }>(
      `SELECT i.relname AS name, x.indisprimary AS primary,
              array(SELECT a.attname FROM unnest(x.indkey) k JOIN pg_attribute a
                     ON a.attrelid = x.indrelid AND a.attnum = k)::text[] AS columns
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE x.indisunique AND n.nspname = 'public' AND t.relname <> 'migrations'`,
    );
    const inSchema = rows
      .filter((r) => !(r.primary && r.columns.length === 1 && r.columns[0] === 'id'))
      .map((r) => r.name)
      .sort();
    expect(inSchema).toEqual(Object.keys(UNIQUE_INDEXES).sort());
    for (const [name, coverage] of Object.entries(UNIQUE_INDEXES)) {
      if ('racedIn' in coverage) {
        const suite = readFileSync(join(ROOT, coverage.racedIn), 'utf8');
        expect({ name, raced: suite.includes(name) }).toEqual({ name, raced: true });
      }
    }
  });

  it('ux_app_user_username: 20 creations of one username (any case) make one account', async () => {
    const responses = await raceAtTableLock(ctx.db.url, 'app_user', 20, (i) =>
      post(ctx.admin, '/users', {
        username: i % 2 ? 'Cung.Ten' : 'cung.ten',
        fullName: `Người thứ ${i}`,
        password: USER_PASSWORD,
        agencyId,
        roles: [Role.Staff],
      }),
    );
    expectOneWinner(responses, 'USERNAME_TAKEN');
    expect(await ctx.sql(`SELECT id FROM app_user WHERE lower(username) = 'cung.ten'`)).toHaveLength(1);
  });

  it('ux_agency_code: 20 agencies with one code make one agency', async () => {
    const responses = await raceAtTableLock(ctx.db.url, 'agency', 20, (i) =>
      post(ctx.admin, '/agencies', {
        code: i % 2 ? 'SGT-DUA' : 'sgt-dua',
        name: `Sở Giao thông vận tải ${i}`,
        level: 'province_department',
      }),
    );
    expectOneWinner(responses, 'AGENCY_CODE_TAKEN');
  });

  it('ux_agency_parent_name: 20 agencies with one name under one parent make one agency', async () => {
    const responses = await raceAtTableLock(ctx.db.url, 'agency', 20, () =>
      post(ctx.admin, '/agencies', {
        name: 'Phòng Tư pháp huyện Đắk Hà',
        level: 'sub_department',
        parentId: agencyId,
      }),
    );
    expectOneWinner(responses, 'AGENCY_NAME_TAKEN');
  });

  it('ux_org_unit_agency_name: 20 units with one name, created or renamed to it, make one unit', async () => {
    const created = await raceAtTableLock(ctx.db.url, 'org_unit', 20, () =>
      post(secretary, `/agencies/${agencyId}/org-units`, { name: 'Phòng Kế hoạch - Tài chính' }),
    );
    expectOneWinner(created, 'ORG_UNIT_NAME_TAKEN');

    const units = await race(20, (i) =>
      post(secretary, `/agencies/${agencyId}/org-units`, { name: `Tổ công tác số ${i}` }),
    );
    expect(units.map((u) => u.status)).toEqual(Array(20).fill(201));
    const renamed = await raceAtTableLock(ctx.db.url, 'org_unit', 20, (i) =>
      ctx
        .http()
        .patch(`/api/v1/agencies/${agencyId}/org-units/${units[i].body.id as string}`)
        .set('Authorization', secretary.auth)
        .set('If-Match', units[i].headers.etag)
        .send({ name: 'Tổ công tác chung' }),
    );
    expectOneWinner(renamed, 'ORG_UNIT_NAME_TAKEN');
  });
});
