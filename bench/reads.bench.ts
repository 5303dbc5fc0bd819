import autocannon from 'autocannon';
import { Client as PgClient } from 'pg';
import { PasswordHasher } from '@eiso/identity';
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
 * `npm run bench:reads`: a province in one database (150 agencies, 4,500 users, 30,000 documents
 * in force, 1,000,000 records), the built API as its own process, then a mix of authenticated
 * GETs (document and record lists, accent-insensitive search, the retention filter, the agency
 * search, the internal register), each with the token of an ISO secretary of a random agency:
 * first one client at a time, then many at once. Machines are shared and noisy, so the result is
 * the ratio of the loaded p99 to the single-client p50 measured in the same run, not a threshold.
 */
const AGENCIES = 150;
const USERS_PER_AGENCY = 30;
/** The first users of every agency are its ISO secretaries: they read everything of their agency. */
const SECRETARIES_PER_AGENCY = 2;
const DOCUMENTS_PER_AGENCY = 200;
const TYPES_PER_AGENCY = 8;

/** A whole number ≥ 1 from the environment, or the default. */
function setting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return value;
}
const RECORDS = setting('BENCH_READS_RECORDS', 1_000_000);
/** How many ISO secretaries log in (at most two per agency). */
const SESSIONS = setting('BENCH_READS_USERS', AGENCIES * SECRETARIES_PER_AGENCY);
const CONNECTIONS = setting('BENCH_READS_CONNECTIONS', 200);
const SECONDS = setting('BENCH_READS_SECONDS', 20);
const WARMUP_SECONDS = 5;
const PASSWORD = 'Bench-Reads-2026';

const ORG_UNITS = ['Văn phòng', 'Phòng Tổ chức - Hành chính', 'Phòng Nghiệp vụ', 'Bộ phận Một cửa'];
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
const PEOPLE = [
  'Nguyễn Văn Hùng',
  'Trần Thị Hoa',
  'Lê Văn Nam',
  'Phạm Thị Lan',
  'Hoàng Văn Đức',
  'Võ Thị Hạnh',
  'Đặng Văn Quang',
  'Bùi Thị Thu',
  'Đỗ Văn Tâm',
  'Y Blông',
  'A Thuyên',
  'Y Hà',
  'A Páo',
  'Ngô Thị Mai',
  'Dương Văn Sơn',
];
/** What documents and records are about: TTHC and quality-system subjects. */
const SUBJECTS = [
  'kiểm soát tài liệu',
  'kiểm soát hồ sơ',
  'đánh giá nội bộ',
  'xem xét của lãnh đạo',
  'khắc phục sự không phù hợp',
  'quản lý rủi ro và cơ hội',
  'đăng ký khai sinh',
  'đăng ký kết hôn',
  'cấp giấy phép xây dựng',
  'chứng thực bản sao từ bản chính',
  'cấp phiếu lý lịch tư pháp',
  'tiếp nhận và trả kết quả một cửa',
  'đào tạo, bồi dưỡng công chức',
  'khảo sát sự hài lòng của người dân',
  'quản lý văn bản đến và đi',
  'giải quyết khiếu nại, tố cáo',
  'cấp giấy chứng nhận quyền sử dụng đất',
  'thẩm định dự án đầu tư',
  'quản lý tài sản công',
  'đăng ký hộ kinh doanh',
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
/** Record dates spread over 15 years up to the end of 2025. */
const FIRST_DATE = '2011-01-01';
const DAYS = 5478;

/** What users type, without accents: each matches a share of every agency's documents or records. */
const DOCUMENT_WORDS = ['kiem soat', 'khai sinh', 'xay dung', 'mot cua', 'hai long', 'ly lich'];
const RECORD_WORDS = [
  'khai sinh',
  'ket hon',
  'xay dung',
  'ly lich',
  'tran thi hoa',
  'y blong',
  'su dung dat',
];

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)];
}

const ROUTES = [
  { name: 'documents', path: () => '/api/v1/documents?page=1&pageSize=20' },
  { name: 'documents?q', path: () => `/api/v1/documents?q=${encodeURIComponent(pick(DOCUMENT_WORDS))}` },
  { name: 'records', path: () => '/api/v1/records?pageSize=20' },
  { name: 'records?q', path: () => `/api/v1/records?q=${encodeURIComponent(pick(RECORD_WORDS))}` },
  { name: 'records?retention', path: () => '/api/v1/records?state=active&retentionBefore=2030-01-01' },
  { name: 'agencies?q', path: () => `/api/v1/agencies?q=${encodeURIComponent('dak ha')}` },
  { name: 'register', path: () => '/api/v1/registers/internal-documents?format=json' },
] as const;
type RouteName = (typeof ROUTES)[number]['name'];

function seconds(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

const vi = (n: number): string => n.toLocaleString('vi-VN');

async function seed(pg: PgClient, passwordHash: string): Promise<void> {
  await pg.query(`SET maintenance_work_mem = '512MB'`);
  await pg.query(
    `INSERT INTO agency (id, code, name, level, roadmap_year)
     SELECT gen_random_uuid(), 'CQ' || lpad(i::text, 3, '0'),
            CASE WHEN i <= 35 THEN 'Sở, ban, ngành số ' || i
                 WHEN i <= 45 THEN 'Ủy ban nhân dân huyện ' || ($2::text[])[i - 35]
                 ELSE 'Ủy ban nhân dân xã số ' || i || ', huyện ' || ($2::text[])[1 + i % 10] END,
            CASE WHEN i <= 35 THEN 'province_department' WHEN i <= 45 THEN 'district' ELSE 'commune' END,
            CASE WHEN i <= 45 THEN 2025 ELSE 2026 END
       FROM generate_series(1, $1::int) i`,
    [AGENCIES, DISTRICTS],
  );
  await pg.query(
    `INSERT INTO org_unit (id, agency_id, name)
     SELECT gen_random_uuid(), a.id, u.name FROM agency a CROSS JOIN unnest($1::text[]) u(name)`,
    [ORG_UNITS],
  );
  // Every user has the same real argon2 hash (of PASSWORD), so that any of them can log in.
  await pg.query(
    `WITH units AS (
       SELECT id, agency_id, (row_number() OVER (PARTITION BY agency_id ORDER BY name) - 1)::int AS pos
         FROM org_unit)
     INSERT INTO app_user (id, username, full_name, position, agency_id, org_unit_id, roles, password_hash)
     SELECT gen_random_uuid(),
            lower(a.code) || CASE WHEN k <= $2::int THEN '.thuky' || k ELSE '.cb' || lpad(k::text, 2, '0') END,
            ($4::text[])[1 + (k * 7 + substr(a.code, 3)::int) % cardinality($4::text[])],
            CASE WHEN k <= $2::int THEN 'Thư ký ISO' WHEN k = $2::int + 1 THEN 'Thủ trưởng cơ quan'
                 ELSE 'Chuyên viên' END,
            a.id, u.id,
            ARRAY[CASE WHEN k <= $2::int THEN 'iso_secretary' WHEN k = $2::int + 1 THEN 'approver'
                       WHEN k <= $2::int + 3 THEN 'reviewer' WHEN k <= $2::int + 8 THEN 'drafter'
                       WHEN k = $2::int + 9 THEN 'auditor' ELSE 'staff' END],
            $3
       FROM agency a CROSS JOIN generate_series(1, $1::int) k
       JOIN units u ON u.agency_id = a.id AND u.pos = k % 4`,
    [USERS_PER_AGENCY, SECRETARIES_PER_AGENCY, passwordHash, PEOPLE],
  );
  // Per agency: who drafts, reviews, approves and issues its documents.
  await pg.query(
    `CREATE TEMP TABLE bench_staff AS
     SELECT a.id AS agency_id,
            min(u.id::text) FILTER (WHERE 'iso_secretary' = ANY(u.roles))::uuid AS secretary,
            min(u.id::text) FILTER (WHERE 'approver' = ANY(u.roles))::uuid AS approver,
            min(u.id::text) FILTER (WHERE 'reviewer' = ANY(u.roles))::uuid AS reviewer,
            min(u.id::text) FILTER (WHERE 'drafter' = ANY(u.roles))::uuid AS drafter,
            min(u.org_unit_id::text)::uuid AS org_unit
       FROM agency a JOIN app_user u ON u.agency_id = a.id
      GROUP BY a.id`,
  );
  await seedDocuments(pg);
  await pg.query(
    `INSERT INTO record_type (id, agency_id, code, name, retention_months, permanent, storage_place,
                              responsible_org_unit_id, created_by)
     SELECT gen_random_uuid(), s.agency_id, 'HS-' || k, ($2::text[])[k], (ARRAY[${RETENTIONS}]::int[])[k],
            (ARRAY[${RETENTIONS}]::int[])[k] IS NULL, 'Kho lưu trữ cơ quan', s.org_unit, s.secretary
       FROM bench_staff s CROSS JOIN generate_series(1, $1::int) k`,
    [TYPES_PER_AGENCY, RECORD_TYPES],
  );
  await seedRecords(pg);
  await pg.query('VACUUM ANALYZE');
}

/** Each agency's documents in force: one effective version each, reviewed, approved and issued. */
async function seedDocuments(pg: PgClient): Promise<void> {
  await pg.query(
    `CREATE TEMP TABLE bench_document AS
     WITH kinds AS (
       SELECT n,
              CASE WHEN n = 1 THEN 'policy' WHEN n = 2 THEN 'objectives' WHEN n = 3 THEN 'manual'
                   WHEN n <= 60 THEN 'procedure' WHEN n <= 110 THEN 'tthc_procedure' WHEN n <= 170 THEN 'form'
                   WHEN n <= 185 THEN 'guideline' ELSE 'external' END AS type,
              CASE WHEN n = 1 THEN 'Chính sách chất lượng' WHEN n = 2 THEN 'Mục tiêu chất lượng năm 2026'
                   WHEN n = 3 THEN 'Sổ tay chất lượng'
                   ELSE (CASE WHEN n <= 60 THEN 'Quy trình ' WHEN n <= 110 THEN 'Quy trình giải quyết thủ tục '
                              WHEN n <= 170 THEN 'Biểu mẫu ' WHEN n <= 185 THEN 'Hướng dẫn '
                              ELSE 'Văn bản bên ngoài về ' END) || ($2::text[])[1 + n % cardinality($2::text[])]
              END AS title
         FROM generate_series(1, $1::int) n)
     SELECT gen_random_uuid() AS id, gen_random_uuid() AS version_id, s.*, k.n, k.type, k.title,
            (CASE k.type WHEN 'policy' THEN 'CS' WHEN 'objectives' THEN 'MT' WHEN 'manual' THEN 'STCL'
                         WHEN 'procedure' THEN 'QT' WHEN 'tthc_procedure' THEN 'QT-TTHC' WHEN 'form' THEN 'BM'
                         WHEN 'guideline' THEN 'HD' ELSE 'TLBN' END) || '-' || lpad(k.n::text, 3, '0') AS code,
            ('2019-01-01'::date + (k.n * 37 + substr(a.code, 3)::int * 11) % 2555) AS effective_from
       FROM bench_staff s JOIN agency a ON a.id = s.agency_id CROSS JOIN kinds k`,
    [DOCUMENTS_PER_AGENCY, SUBJECTS],
  );
  await pg.query(
    `INSERT INTO document (id, agency_id, code, title, type, owner_org_unit_id, iso_clauses, review_interval_months,
                           next_review_date, issue_count, created_by, created_at, updated_at)
     SELECT id, agency_id, code, title, type, org_unit,
            CASE WHEN type = 'procedure' THEN ARRAY['8.1'] ELSE '{}' END, 12,
            (effective_from + interval '12 months')::date, 1, drafter, effective_from - 20, effective_from
       FROM bench_document`,
  );
  await pg.query(
    `INSERT INTO document_version (id, document_id, agency_id, revision, issue_number, state, title,
                                   change_summary, author_id, submitted_at, effective_from, issued_at,
                                   created_at, updated_at)
     SELECT version_id, id, agency_id, 1, 1, 'effective', title, 'Ban hành lần đầu', drafter,
            effective_from - 10, effective_from, effective_from - 1, effective_from - 20, effective_from
       FROM bench_document`,
  );
  await pg.query(
    `UPDATE document d SET current_version_id = b.version_id FROM bench_document b WHERE b.id = d.id`,
  );
  await pg.query(
    `INSERT INTO signature (id, subject_type, subject_id, meaning, signer_id, signer_name, signer_position,
                            signer_role, signed_at, content_hash)
     SELECT gen_random_uuid(), 'document_version', b.version_id, m.meaning, u.id, u.full_name, u.position, m.role,
            b.effective_from - m.days_before, encode(sha256(convert_to(b.version_id::text || m.meaning, 'UTF8')), 'hex')
       FROM bench_document b
       CROSS JOIN (VALUES ('review', 'reviewer', 5), ('approve', 'approver', 2), ('issue', 'iso_secretary', 1))
                  m(meaning, role, days_before)
       JOIN app_user u ON u.id = CASE m.meaning WHEN 'review' THEN b.reviewer WHEN 'approve' THEN b.approver
                                                 ELSE b.secretary END`,
  );
}

/**
 * RECORDS records spread evenly over every agency's record types, with their search text: titles
 * name a subject and a person, so that a search word matches a share of each agency's records.
 */
async function seedRecords(pg: PgClient): Promise<void> {
  await loadWithoutIndexes(pg, ['record', 'record_search'], async () => {
    await pg.query(
      `WITH t AS (
         SELECT id, agency_id, retention_months, created_by,
                (row_number() OVER (ORDER BY agency_id, code) - 1)::int AS n,
                substr(code, 4)::int AS k
           FROM record_type)
       INSERT INTO record (id, agency_id, record_type_id, title, reference, record_date, retention_months,
                           retention_end, state, due_at, hold_reason, held_at, held_by, created_by)
       SELECT gen_random_uuid(), t.agency_id, t.id,
              'Hồ sơ ' || ($5::text[])[1 + (m + t.k) % cardinality($5::text[])] || ' của '
                || ($6::text[])[1 + (m * 7 + t.n) % cardinality($6::text[])],
              lpad((m + 1)::text, 6, '0') || '/HS-' || t.k, d.record_date, t.retention_months, e.retention_end,
              CASE WHEN g % 20 = 7 AND e.retention_end < DATE '2025-01-01' THEN 'due_for_disposal' ELSE 'active' END,
              CASE WHEN g % 20 = 7 AND e.retention_end < DATE '2025-01-01' THEN e.retention_end::timestamptz END,
              CASE WHEN g % 100 = 0 THEN 'Phong tỏa phục vụ thanh tra' END,
              CASE WHEN g % 100 = 0 THEN now() END,
              CASE WHEN g % 100 = 0 THEN t.created_by END,
              t.created_by
         FROM generate_series(0, $1::int - 1) g
         JOIN t ON t.n = g % $2::int
         CROSS JOIN LATERAL (SELECT g / $2::int AS m,
                                    ($3::date + (g::bigint * 7919 % $4::int)::int) AS record_date) d
         CROSS JOIN LATERAL (SELECT CASE WHEN t.retention_months IS NULL THEN NULL
                                         ELSE (d.record_date + make_interval(months => t.retention_months))::date
                                    END AS retention_end) e`,
      [RECORDS, AGENCIES * TYPES_PER_AGENCY, FIRST_DATE, DAYS, SUBJECTS, PEOPLE],
    );
    // The same text RecordRepository.insert writes: title and reference.
    await pg.query(
      `INSERT INTO record_search (record_id, agency_id, text)
       SELECT id, agency_id, title || ' ' || reference FROM record`,
    );
  });
}

/** Logs in `count` ISO secretaries spread over the agencies, a few at a time (argon2 is costly). */
async function logIn(base: string, count: number): Promise<string[]> {
  const usernames = Array.from({ length: count }, (_, i) => {
    const agency = (i % AGENCIES) + 1;
    const k = Math.floor(i / AGENCIES) + 1;
    return `cq${String(agency).padStart(3, '0')}.thuky${k}`;
  });
  const tokens: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < usernames.length) {
      const username = usernames[next++];
      const { accessToken } = await json<{ accessToken: string }>('POST', `${base}/api/v1/auth/login`, {
        username,
        password: PASSWORD,
      });
      tokens.push(accessToken);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return tokens;
}

/** Every route answers 200 with rows for an agency, so the load below measures real lists. */
async function checkRoutes(base: string, token: string): Promise<void> {
  const get = <T>(path: string) => json<T>('GET', `${base}${path}`, null, token);
  const docs = await get<{ total: number; items: unknown[] }>('/api/v1/documents?page=1&pageSize=20');
  const records = await get<{ total: number; items: unknown[] }>('/api/v1/records?pageSize=20');
  const register = await get<{ items: unknown[] }>('/api/v1/registers/internal-documents?format=json');
  const due = await get<{ total: number }>('/api/v1/records?state=active&retentionBefore=2030-01-01');
  await get(ROUTES.find((r) => r.name === 'agencies?q')!.path());
  // A small BENCH_READS_RECORDS may leave a word without a match, but not a whole route.
  let documentHits = 0;
  for (const word of DOCUMENT_WORDS) {
    documentHits += (await get<{ total: number }>(`/api/v1/documents?q=${encodeURIComponent(word)}`)).total;
  }
  let recordHits = 0;
  for (const word of RECORD_WORDS) {
    recordHits += (await get<{ total: number }>(`/api/v1/records?q=${encodeURIComponent(word)}`)).total;
  }
  const empty = Object.entries({
    documents: docs.items.length,
    'documents?q': documentHits,
    records: records.items.length,
    'records?q': recordHits,
    'records?retention': due.total,
    register: register.items.length,
  }).flatMap(([route, rows]) => (rows ? [] : [route]));
  if (empty.length) throw new Error(`no rows from ${empty.join(', ')}: the seed does not fit the routes`);
  say(
    `Kiểm tra trước khi đo (một cơ quan): ${vi(docs.total)} tài liệu, ${vi(register.items.length)} trong ` +
      `danh mục nội bộ, ${vi(records.total)} hồ sơ, ${vi(due.total)} hồ sơ đang lưu hết hạn trước 2030; ` +
      `các từ khóa tìm được ${vi(documentHits)} tài liệu và ${vi(recordHits)} hồ sơ`,
  );
}

interface Run {
  responses: number;
  seconds: number;
  /** Latencies in ms by route, and all of them. */
  latencies: Map<RouteName, number[]>;
  all: number[];
}

/**
 * `connections` clients for `duration` seconds, each request on a random route with the token of a
 * random agency's ISO secretary. Throws, naming the first failures, unless every answer is a 200.
 */
function drive(base: string, tokens: string[], connections: number, duration: number): Promise<Run> {
  const latencies = new Map<RouteName, number[]>(ROUTES.map((r) => [r.name, []]));
  const failures: string[] = [];
  let failed = 0;
  // onResponse (with the request's context) and the 'response' event (with its latency) come one
  // right after the other for the same response: the first leaves its route here for the second.
  let answered: RouteName | undefined;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration,
        timeout: 60,
        requests: [
          {
            method: 'GET',
            setupRequest: (request, context) => {
              const route = pick(ROUTES);
              const path = route.path();
              Object.assign(context, { route: route.name, path });
              return {
                ...request,
                path,
                headers: { ...request.headers, authorization: `Bearer ${pick(tokens)}` },
              };
            },
            onResponse: (status, body, context) => {
              const { route, path } = context as { route: RouteName; path: string };
              answered = route;
              if (status !== 200 && ++failed <= 5)
                failures.push(`GET ${path} → ${status} ${body.slice(0, 300)}`);
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        if (failed || result.errors) {
          return reject(
            new Error(
              `${failed} answers other than 200, ${result.errors} request errors (${result.timeouts} timeouts)` +
                `${failures.length ? `; first:\n${failures.join('\n')}` : ''}`,
            ),
          );
        }
        const all = [...latencies.values()].flat();
        resolve({ responses: all.length, seconds: result.duration, latencies, all });
      },
    );
    instance.on('response', (_client, _status, _bytes, ms) => {
      if (answered) latencies.get(answered)!.push(ms);
      answered = undefined;
    });
    instance.on('reqError', (error: unknown) => {
      if (failures.length < 5) failures.push(`request error: ${String(error)}`);
    });
  });
}

/** Nearest-rank percentile, in ms. */
function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const ms = (n: number): string => n.toFixed(1);

function summary(label: string, run: Run): string {
  return (
    `${label}: ${vi(run.responses)} yêu cầu trong ${run.seconds.toFixed(1)} s ` +
    `(${(run.responses / run.seconds).toFixed(0)} yêu cầu/s), p50 ${ms(percentile(run.all, 50))} ms, ` +
    `p99 ${ms(percentile(run.all, 99))} ms`
  );
}

runBench(async (ctx) => {
  const wall = process.hrtime.bigint();
  if (SESSIONS > AGENCIES * SECRETARIES_PER_AGENCY) {
    throw new Error(`BENCH_READS_USERS: at most ${AGENCIES * SECRETARIES_PER_AGENCY} ISO secretaries`);
  }
  const s3 = await startS3Process(ctx);
  const databaseUrl = await createDatabase(ctx, 'eiso_bench_reads');
  migrate(databaseUrl);

  let started = process.hrtime.bigint();
  const passwordHash = await new PasswordHasher().hash(PASSWORD);
  const pg = new PgClient({ connectionString: databaseUrl });
  await pg.connect();
  try {
    await seed(pg, passwordHash);
  } finally {
    await pg.end();
  }
  say(
    `Đã tạo ${AGENCIES} cơ quan, ${vi(AGENCIES * USERS_PER_AGENCY)} người dùng, ` +
      `${vi(AGENCIES * DOCUMENTS_PER_AGENCY)} tài liệu đang hiệu lực và ${vi(RECORDS)} hồ sơ trong ` +
      `${seconds(started).toFixed(1)} s`,
  );

  const api = await startApi(ctx, { databaseUrl, s3, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '10000' } });
  await api.ready();
  started = process.hrtime.bigint();
  const tokens = await logIn(api.base, SESSIONS);
  say(
    `Đã đăng nhập ${tokens.length} thư ký ISO của ${Math.min(tokens.length, AGENCIES)} cơ quan trong ${seconds(started).toFixed(1)} s`,
  );
  await checkRoutes(api.base, tokens[0]);

  await drive(api.base, tokens, 20, WARMUP_SECONDS);
  const single = await drive(api.base, tokens, 1, SECONDS);
  say(summary('Một kết nối', single));
  const loaded = await drive(api.base, tokens, CONNECTIONS, SECONDS);
  say(summary(`${CONNECTIONS} kết nối đồng thời`, loaded));
  for (const { name, path } of ROUTES) {
    const values = loaded.latencies.get(name)!;
    say(
      `  ${`GET ${path().replace(/q=[^&]+/, 'q=…')}`.padEnd(62)} ${String(values.length).padStart(6)} yêu cầu, ` +
        `p50 ${ms(percentile(values, 50)).padStart(7)} ms, p99 ${ms(percentile(values, 99)).padStart(7)} ms ` +
        `(một kết nối: p50 ${ms(percentile(single.latencies.get(name)!, 50))} ms)`,
    );
  }
  const p50 = percentile(loaded.all, 50);
  const p99 = percentile(loaded.all, 99);
  const singleP50 = percentile(single.all, 50);
  say(`Thời gian chạy cả bài đo: ${seconds(wall).toFixed(0)} s`);
  say(
    `bench:reads rps=${(loaded.responses / loaded.seconds).toFixed(0)} p50_ms=${ms(p50)} p99_ms=${ms(p99)} ` +
      `single_p50_ms=${ms(singleP50)} ratio=${(p99 / singleP50).toFixed(1)}`,
  );
});
