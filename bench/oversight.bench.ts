import { Client as PgClient } from 'pg';
import { todayInVietnam } from '@eiso/common';
import { PasswordHasher } from '@eiso/identity';
import { OversightFilter, oversightPageQuery, OversightRow, OversightSqlRow } from '@eiso/oversight';
import {
  createDatabase,
  json,
  loadWithoutIndexes,
  migrate,
  runBench,
  startApi,
  startS3Process,
} from './stack';

/**
 * `npm run bench:oversight`: the province oversight board (GET /api/v1/oversight/agencies, one
 * page of 50) against its own SQL. A province in one database: 150 agencies with 200 documents,
 * 2,000 records and 20 corrective actions each, their audits, management reviews and a few
 * declarations of conformity; the built API as its own process. The overseer of the Sở Khoa học
 * và Công nghệ asks for the first page of the board, one request at a time, and the very statement
 * the service runs (`oversightPageQuery`, same day, same filter, offset 0, limit 50) runs as many
 * times straight through pg, interleaved with the requests so that a noisy machine weighs on both
 * alike. The result is the ratio of the two p95: what the API adds to its query (target ≤ 2).
 */
const AGENCIES = 150;
const DOCUMENTS_PER_AGENCY = 200;
const RECORDS_PER_AGENCY = 2_000;
const ACTIONS_PER_AGENCY = 20;
const RECORD_TYPES_PER_AGENCY = 8;
const PAGE_SIZE = 50;
const TARGET_RATIO = 2;

/** A whole number ≥ 1 from the environment, or the default. */
function setting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return value;
}
const RUNS = setting('BENCH_OVERSIGHT_RUNS', 200);
const WARMUP = setting('BENCH_OVERSIGHT_WARMUP', 20);
const PASSWORD = 'Bench-Oversight-2026';
const OVERSEER = 'sokhcn.giamsat';

/** The province's departments; the first is the overseer's own (Sở KH&CN). */
const DEPARTMENTS = [
  'Sở Khoa học và Công nghệ',
  'Sở Nội vụ',
  'Sở Tư pháp',
  'Sở Kế hoạch và Đầu tư',
  'Sở Tài chính',
  'Sở Công Thương',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Giao thông vận tải',
  'Sở Xây dựng',
  'Sở Tài nguyên và Môi trường',
  'Sở Thông tin và Truyền thông',
  'Sở Lao động - Thương binh và Xã hội',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Giáo dục và Đào tạo',
  'Sở Y tế',
  'Thanh tra tỉnh',
  'Văn phòng Ủy ban nhân dân tỉnh',
  'Ban Dân tộc',
  'Ban Quản lý Khu kinh tế',
];
const DISTRICTS = [
  'Đắk Hà',
  'Đắk Tô',
  'Đắk Glei',
  'Kon Plông',
  'Kon Rẫy',
  'Ngọc Hồi',
  'Sa Thầy',
  'Tu Mơ Rông',
  "Ia H'Drai",
  'Thành phố Kon Tum',
];
/** Agencies 1–19 are departments, 20–29 districts, the rest communes of those districts. */
const FIRST_DISTRICT = DEPARTMENTS.length + 1;
const FIRST_COMMUNE = FIRST_DISTRICT + DISTRICTS.length;
const SUBJECTS = [
  'kiểm soát tài liệu',
  'kiểm soát hồ sơ',
  'đánh giá nội bộ',
  'xem xét của lãnh đạo',
  'khắc phục sự không phù hợp',
  'đăng ký khai sinh',
  'cấp giấy phép xây dựng',
  'chứng thực bản sao từ bản chính',
  'tiếp nhận và trả kết quả một cửa',
  'giải quyết khiếu nại, tố cáo',
];
const RECORD_TYPES = [
  'Hồ sơ giải quyết thủ tục hành chính',
  'Sổ theo dõi văn bản đến',
  'Biên bản họp xem xét của lãnh đạo',
  'Hồ sơ đánh giá nội bộ',
  'Hồ sơ hành động khắc phục',
  'Hồ sơ đào tạo',
  'Phiếu khảo sát sự hài lòng',
  'Hồ sơ lưu trữ vĩnh viễn',
];
/** Retention of each agency's eight record types, in months; null is permanent. */
const RETENTIONS = '12, 24, 36, 60, 60, 120, 240, NULL';

function seconds(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

const vi = (n: number): string => n.toLocaleString('vi-VN');

/**
 * Agencies (roadmap 2025 for departments, 2027 for districts, 2030 for communes), one org unit and
 * one ISO secretary each (who creates and owns everything of the agency), the overseer of the
 * Sở KH&CN, then the agencies' documents, records, corrective actions, audits, reviews and
 * declarations.
 */
async function seed(pg: PgClient, passwordHash: string): Promise<void> {
  await pg.query(`SET maintenance_work_mem = '512MB'`);
  await pg.query(
    `INSERT INTO agency (id, code, name, level, roadmap_year, abbreviation, place)
     SELECT gen_random_uuid(), 'CQ' || lpad(i::text, 3, '0'),
            CASE WHEN i < $2::int THEN ($4::text[])[i]
                 WHEN i < $3::int THEN 'Ủy ban nhân dân huyện ' || ($5::text[])[i - $2::int + 1]
                 ELSE 'Ủy ban nhân dân xã số ' || i END,
            CASE WHEN i < $2::int THEN 'province_department' WHEN i < $3::int THEN 'district' ELSE 'commune' END,
            CASE WHEN i < $2::int THEN 2025 WHEN i < $3::int THEN 2027 ELSE 2030 END,
            CASE WHEN i = 1 THEN 'SKHCN' ELSE 'CQ' || lpad(i::text, 3, '0') END, 'Kon Tum'
       FROM generate_series(1, $1::int) i`,
    [AGENCIES, FIRST_DISTRICT, FIRST_COMMUNE, DEPARTMENTS, DISTRICTS],
  );
  // Communes under their district.
  await pg.query(
    `UPDATE agency c SET parent_id = d.id
       FROM agency d
      WHERE substr(c.code, 3)::int >= $1::int
        AND substr(d.code, 3)::int = $2::int + (substr(c.code, 3)::int % $3::int)`,
    [FIRST_COMMUNE, FIRST_DISTRICT, DISTRICTS.length],
  );
  await pg.query(
    `INSERT INTO org_unit (id, agency_id, name) SELECT gen_random_uuid(), id, 'Văn phòng' FROM agency`,
  );
  await pg.query(
    `INSERT INTO app_user (id, username, full_name, position, agency_id, org_unit_id, roles, password_hash)
     SELECT gen_random_uuid(), lower(a.code) || '.thuky', 'Thư ký ISO ' || a.code, 'Thư ký ISO', a.id, u.id,
            ARRAY['iso_secretary'], $1
       FROM agency a JOIN org_unit u ON u.agency_id = a.id`,
    [passwordHash],
  );
  await pg.query(
    `INSERT INTO app_user (id, username, full_name, position, agency_id, org_unit_id, roles, password_hash)
     SELECT gen_random_uuid(), $1, 'Nguyễn Văn Giám Sát', 'Chuyên viên Chi cục TC-ĐL-CL', a.id, u.id,
            ARRAY['overseer'], $2
       FROM agency a JOIN org_unit u ON u.agency_id = a.id
      WHERE a.code = 'CQ001'`,
    [OVERSEER, passwordHash],
  );
  await pg.query(
    `CREATE TEMP TABLE bench_staff AS
     SELECT a.id AS agency_id, substr(a.code, 3)::int AS seq, u.id AS secretary, u.org_unit_id AS org_unit
       FROM agency a JOIN app_user u ON u.agency_id = a.id AND 'iso_secretary' = ANY(u.roles)`,
  );
  await seedDocuments(pg);
  await seedRecords(pg);
  await seedCorrectiveActions(pg);
  await seedAuditsAndReviews(pg);
  await seedDeclarations(pg);
  await pg.query('VACUUM ANALYZE');
}

/**
 * 200 documents per agency: 180 in force (one in four on its second issue, the first superseded;
 * next reviews from 0 to 80 days overdue to a year ahead, by agency), 10 still drafts, 10 withdrawn.
 */
async function seedDocuments(pg: PgClient): Promise<void> {
  await pg.query(
    `CREATE TEMP TABLE bench_document AS
     WITH kinds AS (
       SELECT n,
              CASE WHEN n = 1 THEN 'policy' WHEN n = 2 THEN 'objectives' WHEN n = 3 THEN 'manual'
                   WHEN n <= 60 THEN 'procedure' WHEN n <= 110 THEN 'tthc_procedure' WHEN n <= 170 THEN 'form'
                   WHEN n <= 185 THEN 'guideline' ELSE 'external' END AS type,
              CASE WHEN n % 20 = 0 THEN 'draft' WHEN n % 20 = 10 THEN 'obsolete' ELSE 'effective' END AS fate,
              n % 4 = 1 AS reissued
         FROM generate_series(1, $1::int) n)
     SELECT gen_random_uuid() AS id, gen_random_uuid() AS version_id, gen_random_uuid() AS first_version_id,
            s.agency_id, s.secretary, s.org_unit, k.*,
            (CASE k.type WHEN 'policy' THEN 'CS' WHEN 'objectives' THEN 'MT' WHEN 'manual' THEN 'STCL'
                         WHEN 'procedure' THEN 'QT' WHEN 'tthc_procedure' THEN 'QT-TTHC' WHEN 'form' THEN 'BM'
                         WHEN 'guideline' THEN 'HD' ELSE 'TLBN' END) || '-' || lpad(k.n::text, 3, '0') AS code,
            'Tài liệu về ' || ($2::text[])[1 + k.n % cardinality($2::text[])] || ' số ' || k.n AS title,
            ('2020-01-01'::date + (k.n * 37 + s.seq * 11) % 2000) AS effective_from,
            (CURRENT_DATE + ((k.n * 37 + s.seq * 11) % 400) - (s.seq % 5) * 20) AS next_review
       FROM bench_staff s CROSS JOIN kinds k`,
    [DOCUMENTS_PER_AGENCY, SUBJECTS],
  );
  await pg.query(
    `INSERT INTO document (id, agency_id, code, title, type, owner_org_unit_id, review_interval_months,
                           next_review_date, issue_count, status, created_by, created_at, updated_at)
     SELECT id, agency_id, code, title, type, org_unit, 12,
            CASE WHEN fate = 'effective' THEN next_review END,
            CASE WHEN fate = 'draft' THEN 0 WHEN reissued THEN 2 ELSE 1 END,
            CASE WHEN fate = 'obsolete' THEN 'obsolete' ELSE 'active' END,
            secretary, effective_from - 20, effective_from
       FROM bench_document`,
  );
  // The first issue of a reissued document, superseded by the second.
  await pg.query(
    `INSERT INTO document_version (id, document_id, agency_id, revision, issue_number, state, title,
                                   change_summary, author_id, submitted_at, effective_from, issued_at,
                                   superseded_at, created_at, updated_at)
     SELECT first_version_id, id, agency_id, 1, 1, 'superseded', title, 'Ban hành lần đầu', secretary,
            effective_from - 375, effective_from - 365, effective_from - 366, effective_from,
            effective_from - 385, effective_from
       FROM bench_document WHERE fate <> 'draft' AND reissued`,
  );
  // The issue in force (or withdrawn), or the draft of a document never issued.
  await pg.query(
    `INSERT INTO document_version (id, document_id, agency_id, revision, issue_number, state, title,
                                   change_summary, author_id, submitted_at, effective_from, issued_at,
                                   obsoleted_at, withdrawal_reason, created_at, updated_at)
     SELECT version_id, id, agency_id, CASE WHEN fate <> 'draft' AND reissued THEN 2 ELSE 1 END,
            CASE WHEN fate = 'draft' THEN NULL WHEN reissued THEN 2 ELSE 1 END,
            fate, title, CASE WHEN fate <> 'draft' AND reissued THEN 'Sửa đổi lần 1' ELSE 'Ban hành lần đầu' END,
            secretary,
            CASE WHEN fate <> 'draft' THEN effective_from - 10 END,
            CASE WHEN fate <> 'draft' THEN effective_from END,
            CASE WHEN fate <> 'draft' THEN effective_from - 1 END,
            CASE WHEN fate = 'obsolete' THEN effective_from + 200 END,
            CASE WHEN fate = 'obsolete' THEN 'Không còn áp dụng' END,
            effective_from - 20, effective_from
       FROM bench_document`,
  );
  // A document never issued has no current version.
  await pg.query(
    `UPDATE document d SET current_version_id = b.version_id
       FROM bench_document b WHERE b.id = d.id AND b.fate <> 'draft'`,
  );
}

/** 2,000 records per agency over its eight record types, with their search text. */
async function seedRecords(pg: PgClient): Promise<void> {
  await pg.query(
    `INSERT INTO record_type (id, agency_id, code, name, retention_months, permanent, storage_place,
                              responsible_org_unit_id, created_by)
     SELECT gen_random_uuid(), s.agency_id, 'HS-' || k, ($2::text[])[k], (ARRAY[${RETENTIONS}]::int[])[k],
            (ARRAY[${RETENTIONS}]::int[])[k] IS NULL, 'Kho lưu trữ cơ quan', s.org_unit, s.secretary
       FROM bench_staff s CROSS JOIN generate_series(1, $1::int) k`,
    [RECORD_TYPES_PER_AGENCY, RECORD_TYPES],
  );
  await loadWithoutIndexes(pg, ['record', 'record_search'], async () => {
    await pg.query(
      `WITH t AS (SELECT id, agency_id, retention_months, created_by, substr(code, 4)::int AS k FROM record_type)
       INSERT INTO record (id, agency_id, record_type_id, title, reference, record_date, retention_months,
                           retention_end, created_by)
       SELECT gen_random_uuid(), t.agency_id, t.id,
              'Hồ sơ ' || ($3::text[])[1 + m % cardinality($3::text[])] || ' số ' || m,
              lpad(m::text, 6, '0') || '/HS-' || t.k, d.record_date, t.retention_months,
              CASE WHEN t.retention_months IS NOT NULL
                   THEN (d.record_date + make_interval(months => t.retention_months))::date END,
              t.created_by
         FROM t
         JOIN generate_series(1, $1::int) m ON m % $2::int = t.k - 1
         CROSS JOIN LATERAL (SELECT ('2016-01-01'::date + (m * 7919 % 3650)) AS record_date) d`,
      [RECORDS_PER_AGENCY, RECORD_TYPES_PER_AGENCY, SUBJECTS],
    );
    await pg.query(
      `INSERT INTO record_search (record_id, agency_id, text)
       SELECT id, agency_id, title || ' ' || reference FROM record`,
    );
  });
}

/**
 * 20 nonconformities per agency, each with its corrective action: 6 closed, the others open,
 * planned, in progress or being verified. All but the open ones have two tasks of their round: the
 * first done; the second done too once verifying or closed, else due from 40 days ago to 80 ahead.
 */
async function seedCorrectiveActions(pg: PgClient): Promise<void> {
  await pg.query(
    `CREATE TEMP TABLE bench_action AS
     SELECT gen_random_uuid() AS id, gen_random_uuid() AS nonconformity_id, s.*, j,
            CASE WHEN j <= 6 THEN 'closed' WHEN j <= 10 THEN 'open' WHEN j <= 14 THEN 'planned'
                 WHEN j <= 18 THEN 'in_progress' ELSE 'verifying' END AS state,
            CASE WHEN j % 7 = 0 THEN 2 ELSE 1 END AS round,
            (CURRENT_DATE - 200 + j * 7) AS detected_on
       FROM bench_staff s CROSS JOIN generate_series(1, $1::int) j`,
    [ACTIONS_PER_AGENCY],
  );
  await pg.query(
    `INSERT INTO nonconformity (id, agency_id, year, serial, source, severity, title, description, org_unit_id,
                                detected_on, detected_by, state, closed_at)
     SELECT nonconformity_id, agency_id, 2026, j, CASE WHEN j % 3 = 0 THEN 'complaint' ELSE 'self' END,
            CASE WHEN j % 10 = 0 THEN 'major' ELSE 'minor' END,
            'Sự không phù hợp số ' || j, 'Không thực hiện đúng quy trình ' || ($1::text[])[1 + j % cardinality($1::text[])],
            org_unit, detected_on, secretary,
            CASE WHEN state = 'closed' THEN 'closed' ELSE 'open' END,
            CASE WHEN state = 'closed' THEN (detected_on + 60)::timestamptz END
       FROM bench_action`,
    [SUBJECTS],
  );
  await pg.query(
    `INSERT INTO corrective_action (id, agency_id, nonconformity_id, state, round, correction, root_cause,
                                    verifier_id, verification_due, created_by, closed_at)
     SELECT id, agency_id, nonconformity_id, state, round, 'Khắc phục ngay', 'Chưa phổ biến quy trình',
            secretary, detected_on + 150, secretary,
            CASE WHEN state = 'closed' THEN (detected_on + 60)::timestamptz END
       FROM bench_action`,
  );
  await pg.query(
    `INSERT INTO corrective_action_task (id, corrective_action_id, agency_id, round, position, description,
                                         owner_id, due_date, done_on, created_by)
     SELECT gen_random_uuid(), a.id, a.agency_id, a.round, p, 'Hành động ' || p, a.secretary, t.due_date,
            CASE WHEN t.done THEN t.due_date - 2 END, a.secretary
       FROM bench_action a CROSS JOIN generate_series(1, 2) p
       CROSS JOIN LATERAL (
         SELECT p = 1 OR a.state IN ('verifying', 'closed') AS done,
                CASE WHEN p = 1 OR a.state IN ('verifying', 'closed') THEN a.detected_on + 20 * p
                     ELSE CURRENT_DATE - 40 + (a.j * 13 + a.seq * 7) % 120 END AS due_date) t
      WHERE a.state <> 'open'`,
  );
}

/**
 * Per agency, an audit programme for 2025 and 2026: the 2025 audit closed, the 2026 one closed in
 * two agencies out of three and in progress in the others; the 2025 management review signed, the
 * 2026 one held in half of the agencies and planned in the others.
 */
async function seedAuditsAndReviews(pg: PgClient): Promise<void> {
  await pg.query(
    `INSERT INTO audit_programme (id, agency_id, year, title, objectives, criteria, clause_edition, created_by)
     SELECT gen_random_uuid(), s.agency_id, y, 'Chương trình đánh giá nội bộ năm ' || y,
            'Đánh giá sự phù hợp và hiệu lực của HTQLCL', 'TCVN ISO 9001:2015', e.code, s.secretary
       FROM bench_staff s CROSS JOIN generate_series(2025, 2026) y
       CROSS JOIN (SELECT code FROM iso_standard_edition WHERE is_current) e`,
  );
  await pg.query(
    `INSERT INTO audit (id, agency_id, programme_id, year, serial, title, objectives, criteria, clause_edition,
                        start_date, end_date, lead_auditor_id, state, plan_issued_at, plan_issued_by,
                        started_at, conclusion, reported_at, closed_at, created_by)
     SELECT gen_random_uuid(), p.agency_id, p.id, p.year, 1, 'Đánh giá nội bộ năm ' || p.year, p.objectives,
            p.criteria, p.clause_edition, d.start_date, d.start_date + 2, s.secretary, d.state,
            d.start_date - 14, s.secretary, d.start_date,
            CASE WHEN d.state = 'closed' THEN 'HTQLCL phù hợp' END,
            CASE WHEN d.state = 'closed' THEN d.start_date + 10 END,
            CASE WHEN d.state = 'closed' THEN d.start_date + 30 + s.seq % 20 END, s.secretary
       FROM audit_programme p JOIN bench_staff s ON s.agency_id = p.agency_id
       CROSS JOIN LATERAL (
         SELECT make_date(p.year, 5, 1) + s.seq % 90 AS start_date,
                CASE WHEN p.year = 2025 OR s.seq % 3 <> 0 THEN 'closed' ELSE 'in_progress' END AS state) d`,
  );
  await pg.query(
    `INSERT INTO management_review (id, agency_id, year, serial, title, period_from, period_to, meeting_date,
                                    place, chair_id, state, inputs, compiled_at, held_at, held_by, signed_at,
                                    minutes_key, created_by)
     SELECT gen_random_uuid(), s.agency_id, y, 1, 'Họp xem xét của lãnh đạo năm ' || y, make_date(y, 1, 1),
            make_date(y, 10, 31), d.meeting_date, 'Phòng họp cơ quan', s.secretary, d.state, '{}'::jsonb,
            d.meeting_date - 7, CASE WHEN d.state <> 'planned' THEN d.meeting_date::timestamptz END,
            CASE WHEN d.state <> 'planned' THEN s.secretary END,
            CASE WHEN d.state = 'signed' THEN d.meeting_date + 3 END,
            CASE WHEN d.state = 'signed' THEN 'management-reviews/' || s.agency_id || '/' || y || '.pdf' END,
            s.secretary
       FROM bench_staff s CROSS JOIN generate_series(2025, 2026) y
       CROSS JOIN LATERAL (
         SELECT make_date(y, 11, 10) + s.seq % 15 AS meeting_date,
                CASE WHEN y = 2025 THEN 'signed' WHEN s.seq % 2 = 0 THEN 'held' ELSE 'planned' END AS state) d`,
  );
}

/**
 * One agency in ten has declared (decision in 2024–2026: signed, submitted or acknowledged by the
 * Sở KH&CN); one in eleven has a draft, which the board never shows.
 */
async function seedDeclarations(pg: PgClient): Promise<void> {
  await pg.query(
    `INSERT INTO conformity_declaration (id, agency_id, kind, state, year, serial, number, decision_date,
                                         tthc_codes, legal_bases, signed_at, signed_by, pdf_key, pdf_size,
                                         submitted_at, submitted_by, acknowledged_at, acknowledged_by,
                                         created_by)
     SELECT gen_random_uuid(), s.agency_id, 'initial', d.state, extract(year FROM d.decision_date)::int, 1,
            '01/QĐ-' || a.abbreviation, d.decision_date, ARRAY['1.001234'],
            ARRAY['Quyết định số 19/2014/QĐ-TTg', 'Thông tư số 26/2014/TT-BKHCN'],
            d.decision_date::timestamptz, s.secretary,
            'conformity/' || s.agency_id || '/01.pdf', 48213,
            CASE WHEN d.state <> 'signed' THEN d.decision_date + 2 END,
            CASE WHEN d.state <> 'signed' THEN s.secretary END,
            CASE WHEN d.state = 'acknowledged' THEN d.decision_date + 9 END,
            CASE WHEN d.state = 'acknowledged' THEN o.id END,
            s.secretary
       FROM bench_staff s JOIN agency a ON a.id = s.agency_id
       CROSS JOIN (SELECT id FROM app_user WHERE username = $1) o
       CROSS JOIN LATERAL (
         SELECT DATE '2024-03-01' + (s.seq * 53) % 1000 AS decision_date,
                (ARRAY['signed', 'submitted', 'acknowledged'])[1 + s.seq % 3] AS state) d
      WHERE s.seq % 10 = 1`,
    [OVERSEER],
  );
  await pg.query(
    `INSERT INTO conformity_declaration (id, agency_id, kind, state, tthc_codes, created_by)
     SELECT gen_random_uuid(), agency_id, 'initial', 'draft', ARRAY['1.001234'], secretary
       FROM bench_staff WHERE seq % 11 = 0 AND seq % 10 <> 1`,
  );
}

/** Nearest-rank percentile, in ms. */
function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const ms = (n: number): string => n.toFixed(2);

function describe(values: number[]): string {
  return (
    `p50 ${ms(percentile(values, 50))} ms, p95 ${ms(percentile(values, 95))} ms, ` +
    `p99 ${ms(percentile(values, 99))} ms, max ${ms(Math.max(...values))} ms`
  );
}

interface Board {
  items: OversightRow[];
  total: number;
}

runBench(async (ctx) => {
  const wall = process.hrtime.bigint();
  const s3 = await startS3Process(ctx);
  const databaseUrl = await createDatabase(ctx, 'eiso_bench_oversight');
  migrate(databaseUrl);

  let started = process.hrtime.bigint();
  const passwordHash = await new PasswordHasher().hash(PASSWORD);
  const pg = new PgClient({ connectionString: databaseUrl });
  await pg.connect();
  ctx.defer('pg client', () => pg.end());
  await seed(pg, passwordHash);
  say(
    `Đã tạo ${AGENCIES} cơ quan, ${vi(AGENCIES * DOCUMENTS_PER_AGENCY)} tài liệu, ` +
      `${vi(AGENCIES * RECORDS_PER_AGENCY)} hồ sơ và ${vi(AGENCIES * ACTIONS_PER_AGENCY)} hành động khắc phục ` +
      `trong ${seconds(started).toFixed(1)} s`,
  );

  const api = await startApi(ctx, { databaseUrl, s3 });
  await api.ready();
  const { accessToken } = await json<{ accessToken: string }>('POST', `${api.base}/api/v1/auth/login`, {
    username: OVERSEER,
    password: PASSWORD,
  });
  const url = `${api.base}/api/v1/oversight/agencies?pageSize=${PAGE_SIZE}`;
  const getBoard = () => json<Board>('GET', url, null, accessToken);

  // The statement of GET /oversight/agencies?pageSize=50: the service's day, no filter, first page.
  const asOf = todayInVietnam(new Date());
  const filter: OversightFilter = {};
  const { sql, params } = oversightPageQuery(asOf, filter, 0, PAGE_SIZE);
  const runSql = async () => (await pg.query<OversightSqlRow>(sql, params)).rows;

  // Both answer the same rows, and the seed gives the board something to show.
  const board = await getBoard();
  const rows = await runSql();
  if (board.items.map((r) => r.agencyId).join() !== rows.map((r) => r.agency_id).join()) {
    throw new Error('the API and its SQL do not answer the same agencies: not the same statement?');
  }
  if (board.total !== AGENCIES || board.items.length !== PAGE_SIZE) {
    throw new Error(
      `the board shows ${board.items.length} of ${board.total} agencies, not ${PAGE_SIZE} of ${AGENCIES}`,
    );
  }
  const sum = (
    key: 'documentsInForce' | 'overdueReviews' | 'openCorrectiveActions' | 'overdueCorrectiveActions',
  ) => board.items.reduce((n, r) => n + r[key], 0);
  const declared = board.items.filter((r) => r.declaration).length;
  const late = board.items.filter((r) => !r.onTrack).length;
  const audited = board.items.filter((r) => r.lastAuditOn).length;
  const reviewed = board.items.filter((r) => r.lastReviewOn).length;
  if (!sum('overdueReviews') || !sum('overdueCorrectiveActions') || !declared || !late || !audited) {
    throw new Error(`the seed does not fit the board: ${JSON.stringify(board.items[0])}`);
  }
  say(
    `Trang đầu của bảng (${board.items.length}/${board.total} cơ quan, ngày ${asOf}): ` +
      `${vi(sum('documentsInForce'))} tài liệu hiệu lực, ${vi(sum('overdueReviews'))} quá hạn rà soát, ` +
      `${sum('openCorrectiveActions')} HĐKP đang mở (${sum('overdueCorrectiveActions')} quá hạn), ` +
      `${declared} đã công bố, ${late} chậm lộ trình, ${audited} đã đánh giá nội bộ, ${reviewed} đã xem xét`,
  );

  for (let i = 0; i < WARMUP; i++) {
    await getBoard();
    await runSql();
  }
  // One request then one statement, RUNS times: the machine's noise falls on both alike.
  const apiMs: number[] = [];
  const sqlMs: number[] = [];
  started = process.hrtime.bigint();
  for (let i = 0; i < RUNS; i++) {
    let t = process.hrtime.bigint();
    await getBoard();
    apiMs.push(Number(process.hrtime.bigint() - t) / 1e6);
    t = process.hrtime.bigint();
    await runSql();
    sqlMs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  say(`${RUNS} yêu cầu và ${RUNS} lần chạy câu SQL, lần lượt, trong ${seconds(started).toFixed(1)} s:`);
  say(`  API  GET /api/v1/oversight/agencies?pageSize=${PAGE_SIZE}: ${describe(apiMs)}`);
  say(`  SQL  oversightPageQuery (pg, cùng ngày, cùng bộ lọc):      ${describe(sqlMs)}`);
  const apiP95 = percentile(apiMs, 95);
  const sqlP95 = percentile(sqlMs, 95);
  const ratio = apiP95 / sqlP95;
  say(
    ratio <= TARGET_RATIO
      ? `Đạt mục tiêu: p95 của API bằng ${ratio.toFixed(2)} lần p95 của câu SQL (≤ ${TARGET_RATIO})`
      : `Chưa đạt mục tiêu: p95 của API bằng ${ratio.toFixed(2)} lần p95 của câu SQL (> ${TARGET_RATIO})`,
  );
  say(`Thời gian chạy cả bài đo: ${seconds(wall).toFixed(0)} s`);
  say(`bench:oversight api_p95_ms=${ms(apiP95)} sql_p95_ms=${ms(sqlP95)} ratio=${ratio.toFixed(2)}`);
});
