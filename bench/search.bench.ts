import { availableParallelism } from 'node:os';
import { Client as PgClient } from 'pg';
import { PasswordHasher } from '@eiso/identity';
import { DocumentHitsFilter, documentHitsQuery, parseSearchQuery } from '@eiso/search';
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
 * `npm run bench:search`: the search in what files hold (GET /api/v1/search?scope=documents, first
 * page of 20) against its own SQL. A province in one database: 30 agencies, 30,000 documents in
 * force, each with its PDF and the PDF's text (about five pages of Vietnamese administrative prose,
 * written by PostgreSQL itself from phrase pools, with its `eiso_vi` tsvector); the built API as its
 * own process. A staff member of the Sở Tư pháp (2,000 of the documents: a large department's
 * share; the other 28,000 are spread over 29 agencies, so the GIN index finds a province's worth of
 * files and the agency filter keeps one in fifteen) searches, one request at a time, through a mix
 * of queries; the very statement the service runs (`documentHitsQuery`, same terms, same filter:
 * the agency, versions in force, offset 0, limit 20) runs as many times straight through pg,
 * interleaved with the requests so that a noisy machine weighs on both alike. The result is the
 * ratio of the two p95: what the API adds to its query (target ≤ 2), and the API's p95 (target
 * < 200 ms).
 */
const AGENCIES = 30;
const PAGE_SIZE = 20;
const TARGET_RATIO = 2;
const TARGET_API_P95_MS = 200;
/** A page of a PDF holds about this much text. */
const CHARS_PER_PAGE = 3_000;
/** Documents whose text (and tsvector) one statement writes. */
const BATCH = 500;

/** A whole number ≥ 1 from the environment, or the default. */
function setting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return value;
}
const RUNS = setting('BENCH_SEARCH_RUNS', 200);
const WARMUP = setting('BENCH_SEARCH_WARMUP', 20);
const DOCUMENTS = setting('BENCH_SEARCH_DOCUMENTS', 30_000);
/** The searcher's agency holds one document in fifteen; the others share the rest. */
const OWN_DOCUMENTS = Math.max(1, Math.round(DOCUMENTS / 15));
/** BENCH_SEARCH_EXPLAIN=1 prints EXPLAIN (ANALYZE, BUFFERS) of each query's statement. */
const EXPLAIN = process.env.BENCH_SEARCH_EXPLAIN === '1';
const PASSWORD = 'Bench-Search-2026';
const SEARCHER = 'stp.chuyenvien';

/**
 * What the staff member types, cycled through: words without accents, a phrase, a prefix, a rare
 * name, a word in every file, a phrase and a prefix together (the example of the API's document).
 */
const QUERIES = [
  'thoi han giai quyet',
  '"phiếu kiểm soát quá trình giải quyết hồ sơ"',
  'ly lich*',
  'sâm Ngọc Linh',
  'hồ sơ',
  '"thoi han giai quyet" ngay*',
];

/** The province: the searcher's agency first, then departments, districts and two communes. */
const AGENCY_NAMES = [
  'Sở Tư pháp',
  'Sở Nội vụ',
  'Sở Khoa học và Công nghệ',
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
  'Ủy ban nhân dân huyện Đắk Hà',
  'Ủy ban nhân dân huyện Đắk Tô',
  'Ủy ban nhân dân huyện Đắk Glei',
  'Ủy ban nhân dân huyện Kon Plông',
  'Ủy ban nhân dân huyện Kon Rẫy',
  'Ủy ban nhân dân huyện Sa Thầy',
  'Ủy ban nhân dân huyện Tu Mơ Rông',
  "Ủy ban nhân dân huyện Ia H'Drai",
  'Ủy ban nhân dân thành phố Kon Tum',
  'Ủy ban nhân dân xã Đắk Mar',
  'Ủy ban nhân dân xã Hòa Bình',
];

/** Titles of the documents: what a procedure is about. */
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
  'cấp phiếu lý lịch tư pháp',
  'đăng ký kết hôn',
  'thẩm định dự án đầu tư',
  'quản lý văn bản đi và đến',
  'cấp giấy chứng nhận quyền sử dụng đất',
];

/**
 * The prose of the files: each sentence is a subject, a predicate, an object and a tail from these
 * pools ({n} a day or an article, {m} a month, {q} a decision's number, {y} a year). None holds
 * the words of the controlled phrases below (lịch, sâm, Ngọc, Linh, "phiếu kiểm soát", "thời hạn
 * giải quyết"), so that those hit a known share.
 */
const SENTENCE_SUBJECTS = [
  'Công chức tiếp nhận hồ sơ',
  'Bộ phận Một cửa',
  'Trưởng phòng chuyên môn',
  'Lãnh đạo cơ quan',
  'Thư ký ISO',
  'Văn phòng Sở',
  'Phòng Hành chính - Tổng hợp',
  'Cán bộ được phân công thụ lý',
  'Tổ chức, cá nhân có nhu cầu',
  'Người đứng đầu đơn vị',
  'Ban chỉ đạo ISO',
  'Chuyên viên phụ trách lĩnh vực',
  'Kế toán trưởng',
  'Bộ phận văn thư',
  'Trung tâm Phục vụ hành chính công tỉnh',
  'Đoàn đánh giá nội bộ',
  'Ủy ban nhân dân cấp xã',
  'Phó Giám đốc phụ trách',
  'Các phòng, đơn vị trực thuộc',
  'Người được ủy quyền ký',
  'Thanh tra Sở',
  'Tổ công tác liên ngành',
  'Hội đồng thẩm định',
  'Phòng Kế hoạch - Tài chính',
  'Công chức địa chính - xây dựng',
  'Người làm công tác pháp chế',
  'Tổ giúp việc của Ban chỉ đạo',
  'Đại diện doanh nghiệp',
  'Cơ quan chủ trì soạn thảo',
  'Công chức tư pháp - hộ tịch',
];
const SENTENCE_PREDICATES = [
  'có trách nhiệm kiểm tra tính đầy đủ, hợp lệ của',
  'tổ chức thực hiện việc rà soát',
  'xem xét, phê duyệt',
  'cập nhật thông tin vào sổ theo dõi',
  'hướng dẫn tổ chức, cá nhân hoàn thiện',
  'chuyển giao cho bộ phận chuyên môn',
  'lưu trữ đầy đủ, khoa học',
  'báo cáo kết quả thực hiện',
  'đề xuất biện pháp khắc phục đối với',
  'thẩm định nội dung',
  'phối hợp với các đơn vị liên quan để xử lý',
  'niêm yết công khai',
  'theo dõi, đôn đốc việc thực hiện',
  'ký xác nhận vào',
  'trả lại và nêu rõ lý do đối với',
  'số hóa và cập nhật lên hệ thống thông tin',
  'đánh giá mức độ hài lòng về',
  'kiểm soát việc ban hành và sửa đổi',
  'phổ biến, quán triệt',
  'tổng hợp ý kiến góp ý về',
  'quản lý và bảo mật',
  'đối chiếu với bản chính',
  'lập danh sách và trình ký',
  'gửi thông báo bằng văn bản về',
  'kiểm tra việc tuân thủ',
  'ghi nhận đầy đủ vào nhật ký',
  'bố trí kinh phí để triển khai',
  'cấp mã số và đóng dấu',
  'thu phí, lệ phí đối với',
  'tiếp thu, giải trình ý kiến về',
];
const SENTENCE_OBJECTS = [
  'hồ sơ đề nghị của tổ chức, công dân',
  'tài liệu nội bộ của hệ thống quản lý chất lượng',
  'kết quả giải quyết thủ tục hành chính',
  'dự thảo văn bản quy phạm pháp luật',
  'biên bản kiểm tra hiện trường',
  'các biểu mẫu kèm theo quy trình này',
  'sổ theo dõi hồ sơ',
  'phiếu đánh giá chất lượng dịch vụ',
  'báo cáo tình hình thực hiện nhiệm vụ quý',
  'kế hoạch kiểm tra, giám sát định kỳ',
  'văn bản đến và văn bản đi',
  'chứng từ kế toán có liên quan',
  'mục tiêu chất lượng năm {y}',
  'danh mục tài liệu có nguồn gốc bên ngoài',
  'thông tin về quyền sử dụng đất',
  'giấy phép kinh doanh của doanh nghiệp',
  'quyết định giao nhiệm vụ',
  'hợp đồng và biên bản thanh lý hợp đồng',
  'dữ liệu trên cổng dịch vụ công trực tuyến',
  'rủi ro và cơ hội của quá trình',
  'đơn khiếu nại, kiến nghị, phản ánh',
  'bản sao giấy tờ tùy thân',
  'căn cước công dân của người nộp',
  'tờ khai theo mẫu số {n}',
  'chương trình đào tạo, bồi dưỡng',
  'phương án bảo vệ môi trường',
  'hồ sơ thiết kế cơ sở',
  'bảng chấm công và bảng lương',
  'trang thiết bị, phương tiện làm việc',
  'kết quả khảo sát nhu cầu của người dân',
];
const SENTENCE_TAILS = [
  'theo đúng quy định của pháp luật hiện hành',
  'trong vòng {n} ngày làm việc',
  'sau khi nhận được văn bản đề nghị',
  'theo Điều {n} của Nghị định số {q}/{y}/NĐ-CP',
  'theo yêu cầu của tiêu chuẩn TCVN ISO 9001:2015',
  'trước ngày {n} hằng tháng',
  'bảo đảm công khai, minh bạch và đúng thẩm quyền',
  'và chịu trách nhiệm trước Giám đốc Sở về kết quả thực hiện',
  'theo Thông tư số {n}/{y}/TT-BNV',
  'trên môi trường điện tử',
  'đồng thời gửi bản sao cho các đơn vị phối hợp',
  'tại Bộ phận tiếp nhận và trả kết quả',
  'và kịp thời báo cáo lãnh đạo khi phát hiện sai sót',
  'để làm căn cứ xem xét, xử lý',
  'nhằm nâng cao chất lượng phục vụ người dân, doanh nghiệp',
  'đúng biểu mẫu ban hành kèm theo',
  'không yêu cầu bổ sung giấy tờ ngoài quy định',
  'theo phân cấp quản lý của Ủy ban nhân dân tỉnh',
  'kèm theo danh mục và số lượng bản',
  'trong năm {y}',
  'chậm nhất vào ngày {n} tháng {m} năm {y}',
  'theo Quyết định số {q}/QĐ-UBND ngày {n} tháng {m} năm {y}',
  'thông qua dịch vụ bưu chính công ích',
  'bằng hình thức trực tuyến toàn trình',
  'có đóng dấu giáp lai',
  'sau khi có ý kiến thống nhất bằng văn bản',
  'và công bố trên trang thông tin điện tử của cơ quan',
];
/** The heads of the sections ("Điều n."), one every twelve sentences. */
const SECTION_HEADS = [
  'Mục đích',
  'Phạm vi áp dụng',
  'Tài liệu viện dẫn',
  'Định nghĩa và từ viết tắt',
  'Nội dung quy trình',
  'Trách nhiệm thực hiện',
  'Hồ sơ lưu',
  'Biểu mẫu sử dụng',
  'Lưu đồ thực hiện',
  'Kiểm soát thay đổi',
];
/** Sentences in so many documents out of 10,000, somewhere in their text. */
const CONTROLLED_PHRASES: [number, string][] = [
  [4_000, 'Thời hạn giải quyết: {n} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.'],
  [1_500, 'Công chức Một cửa lập Phiếu kiểm soát quá trình giải quyết hồ sơ và chuyển phòng chuyên môn.'],
  [500, 'Cơ quan tra cứu thông tin lý lịch của người yêu cầu cấp Phiếu lý lịch tư pháp.'],
  [1_000, 'Lãnh đạo tiếp công dân theo lịch tiếp công dân định kỳ được niêm yết tại trụ sở.'],
  [20, 'Dự án phát triển vùng trồng sâm Ngọc Linh được ưu tiên hỗ trợ thủ tục đầu tư.'],
];
/** Distinct sentences of the pools the documents draw from (boilerplate recurs across files). */
const DISTINCT_SENTENCES = 5_000;
/** General sentences per document: about five pages with the heads and the controlled phrases. */
const SENTENCES_MIN = 103;
const SENTENCES_SPREAD = 24;
/** Variants of each controlled phrase ({n} from 1 to this). */
const PHRASE_VARIANTS = 20;
/** Documents whose tsvector is checked against to_tsvector of their whole text after the load. */
const CHECKED_DOCUMENTS = 200;

function seconds(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

const vi = (n: number): string => n.toLocaleString('vi-VN');

/** A deterministic number in [0, 2³¹) from an SQL bigint expression. */
const hash = (expr: string): string => `(hashint8((${expr})::bigint) & 2147483647)`;
/** The element of a text[] parameter chosen by a hash. */
const pick = (array: string, expr: string): string =>
  `(${array}::text[])[1 + ${hash(expr)} % cardinality(${array}::text[])]`;

/**
 * Agencies, one org unit and one ISO secretary each (who issued every document of the agency), the
 * searching staff member of the Sở Tư pháp; then the documents: each in force in its first issue
 * with one primary PDF (attachment) whose text is in file_content.
 */
async function seed(pg: PgClient, databaseUrl: string, passwordHash: string): Promise<Timings> {
  await pg.query(`SET maintenance_work_mem = '512MB'`);
  await pg.query(
    `INSERT INTO agency (id, code, name, level, roadmap_year, abbreviation, place)
     SELECT gen_random_uuid(), 'CQ' || lpad(i::text, 3, '0'), ($1::text[])[i],
            CASE WHEN i < 20 THEN 'province_department' WHEN i < 29 THEN 'district' ELSE 'commune' END,
            CASE WHEN i < 20 THEN 2025 WHEN i < 29 THEN 2027 ELSE 2030 END,
            CASE WHEN i = 1 THEN 'STP' ELSE 'CQ' || lpad(i::text, 3, '0') END, 'Kon Tum'
       FROM generate_series(1, cardinality($1::text[])) i`,
    [AGENCY_NAMES],
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
     SELECT gen_random_uuid(), $1, 'Trần Thị Tra Cứu', 'Chuyên viên Phòng Hành chính tư pháp', a.id, u.id,
            ARRAY['staff'], $2
       FROM agency a JOIN org_unit u ON u.agency_id = a.id
      WHERE a.code = 'CQ001'`,
    [SEARCHER, passwordHash],
  );
  // A plain (unlogged) table, not a temporary one: the text is written by several connections.
  await pg.query(
    `CREATE UNLOGGED TABLE bench_document AS
     WITH staff AS (
       SELECT a.id AS agency_id, substr(a.code, 3)::int AS agency_seq, a.name AS agency_name,
              u.id AS secretary, u.org_unit_id AS org_unit
         FROM agency a JOIN app_user u ON u.agency_id = a.id AND 'iso_secretary' = ANY(u.roles)),
     docs AS (
       SELECT n, CASE WHEN n <= $2::int THEN 1 ELSE 2 + (n - $2::int - 1) % ($3::int - 1) END AS agency_seq,
              (ARRAY['procedure', 'tthc_procedure', 'tthc_procedure', 'form', 'guideline', 'external'])
                [1 + ${hash('n * 7 + 1')} % 6] AS type,
              ${pick('$4', 'n * 7 + 2')} AS subject,
              ('2019-01-01'::date + ${hash('n * 7 + 3')} % 2400) AS effective_from
         FROM generate_series(1, $1::int) n)
     SELECT d.n AS seq, gen_random_uuid() AS id, gen_random_uuid() AS version_id,
            gen_random_uuid() AS file_id, s.*, d.type, d.subject, d.effective_from,
            (CASE d.type WHEN 'procedure' THEN 'QT' WHEN 'tthc_procedure' THEN 'QT-TTHC' WHEN 'form' THEN 'BM'
                         WHEN 'guideline' THEN 'HD' ELSE 'TLBN' END) || '-' || lpad(d.n::text, 5, '0') AS code,
            (CASE d.type WHEN 'form' THEN 'Biểu mẫu ' WHEN 'guideline' THEN 'Hướng dẫn '
                         WHEN 'external' THEN 'Văn bản hướng dẫn về ' ELSE 'Quy trình ' END) || d.subject AS title,
            ${SENTENCES_MIN} + ${hash('d.n * 7 + 4')} % ${SENTENCES_SPREAD} AS sentences
       FROM docs d JOIN staff s ON s.agency_seq = d.agency_seq`,
    [DOCUMENTS, OWN_DOCUMENTS, AGENCIES, SUBJECTS],
  );
  await pg.query(`ALTER TABLE bench_document ADD PRIMARY KEY (seq)`);
  await pg.query(
    `INSERT INTO document (id, agency_id, code, title, type, owner_org_unit_id, review_interval_months,
                           next_review_date, issue_count, status, created_by, created_at, updated_at)
     SELECT id, agency_id, code, title, type, org_unit, 12, effective_from + 365 + seq % 300, 1, 'active',
            secretary, effective_from - 20, effective_from
       FROM bench_document`,
  );
  await pg.query(
    `INSERT INTO document_version (id, document_id, agency_id, revision, issue_number, state, title,
                                   change_summary, author_id, submitted_at, effective_from, issued_at,
                                   created_at, updated_at)
     SELECT version_id, id, agency_id, 1, 1, 'effective', title, 'Ban hành lần đầu', secretary,
            effective_from - 10, effective_from, effective_from - 1, effective_from - 20, effective_from
       FROM bench_document`,
  );
  await pg.query(
    `UPDATE document d SET current_version_id = b.version_id FROM bench_document b WHERE b.id = d.id`,
  );
  // The primary PDF of each version, stored under the key the attachments service gives it.
  await pg.query(
    `INSERT INTO attachment (id, subject_type, subject_id, agency_id, kind, name, size, sha256, media_type,
                             storage_key, uploaded_by, created_at)
     SELECT file_id, 'document_version', version_id, agency_id, 'primary', code || '.pdf',
            180000 + seq % 90000, md5(seq::text) || md5(code), 'application/pdf',
            'agency/' || agency_id || '/documents/' || id || '/versions/' || version_id || '/' || file_id,
            secretary, effective_from - 12
       FROM bench_document`,
  );
  const timings: Timings = { text: 0, index: 0 };
  const loading = process.hrtime.bigint();
  await writeSentences(pg);
  await loadWithoutIndexes(pg, ['file_content'], async () => {
    await writeTexts(databaseUrl);
    timings.text = seconds(loading);
  });
  timings.index = seconds(loading) - timings.text;
  await checkTsvectors(pg);
  await pg.query(`DROP TABLE bench_document`);
  await pg.query(`DROP TABLE bench_sentence`);
  await pg.query(`DROP AGGREGATE bench_tsvector_agg (tsvector)`);
  await pg.query('VACUUM ANALYZE');
  return timings;
}

interface Timings {
  /** Writing the texts and their tsvector. */
  text: number;
  /** Building the indexes of file_content again (the GIN index on tsv). */
  index: number;
}

/**
 * The sentences the files are made of, each with its `eiso_vi` tsvector: DISTINCT_SENTENCES of
 * prose (a subject, a predicate, an object and a tail drawn by hash from the pools, numbers filled
 * in), the section heads ("Điều 3. Hồ sơ lưu", numbered up to 12) and PHRASE_VARIANTS variants of
 * each controlled phrase. to_tsvector over 15,000 characters of Vietnamese is the costly part of
 * the load (the default parser, about 5 to 9 ms a file here: two to four minutes for 30,000 on
 * two cores); a document's tsvector is instead the concatenation of its sentences' in order
 * (`tsvector || tsvector` shifts the positions of the right one past the left one's), which is the
 * same value, and checkTsvectors proves it on a sample.
 */
async function writeSentences(pg: PgClient): Promise<void> {
  await pg.query(
    `CREATE AGGREGATE bench_tsvector_agg (tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '')`,
  );
  await pg.query(
    `CREATE UNLOGGED TABLE bench_sentence (id int PRIMARY KEY, text text NOT NULL, tsv tsvector NOT NULL)`,
  );
  // Prose: ids 1 … DISTINCT_SENTENCES.
  await pg.query(
    `INSERT INTO bench_sentence (id, text, tsv)
     SELECT k, x.text, to_tsvector('eiso_vi', x.text)
       FROM generate_series(1, $1::int) k
      CROSS JOIN LATERAL (
        SELECT replace(replace(replace(replace(
                 ${pick('$2', 'k * 16 + 1')} || ' ' || ${pick('$3', 'k * 16 + 2')} || ' '
                 || ${pick('$4', 'k * 16 + 3')} || ' ' || ${pick('$5', 'k * 16 + 4')} || '.',
                 '{n}', (1 + ${hash('k * 16 + 5')} % 30)::text),
                 '{m}', (1 + ${hash('k * 16 + 6')} % 12)::text),
                 '{q}', (100 + ${hash('k * 16 + 7')} % 3000)::text),
                 '{y}', (2015 + ${hash('k * 16 + 8')} % 11)::text) AS text) x`,
    [DISTINCT_SENTENCES, SENTENCE_SUBJECTS, SENTENCE_PREDICATES, SENTENCE_OBJECTS, SENTENCE_TAILS],
  );
  // Section heads: id 1,000,000 + 100 × section number + head.
  await pg.query(
    `INSERT INTO bench_sentence (id, text, tsv)
     SELECT 1000000 + 100 * n + h.i, x.text, to_tsvector('eiso_vi', x.text)
       FROM generate_series(1, 12) n
      CROSS JOIN unnest($1::text[]) WITH ORDINALITY AS h(head, i)
      CROSS JOIN LATERAL (SELECT E'\nĐiều ' || n || '. ' || h.head || E'\n' AS text) x`,
    [SECTION_HEADS],
  );
  // Controlled phrases: id 2,000,000 + 100 × phrase + variant.
  await pg.query(
    `INSERT INTO bench_sentence (id, text, tsv)
     SELECT 2000000 + 100 * p.j + v, x.text, to_tsvector('eiso_vi', x.text)
       FROM unnest($1::text[]) WITH ORDINALITY AS p(sentence, j)
      CROSS JOIN generate_series(1, $2::int) v
      CROSS JOIN LATERAL (SELECT replace(p.sentence, '{n}', v::text) AS text) x`,
    [CONTROLLED_PHRASES.map(([, sentence]) => sentence), PHRASE_VARIANTS],
  );
}

/**
 * The text of every document's PDF and its tsvector, written by PostgreSQL in batches of BATCH
 * documents over as many connections as the machine has cores: a letterhead, then sentences drawn
 * by hash with a section head every twelve, and the document's controlled phrases (each in so many
 * documents out of 10,000) at positions drawn by hash.
 */
async function writeTexts(databaseUrl: string): Promise<void> {
  const statement = `
    INSERT INTO file_content (source_key, media_type, source_sha256, source_size, render_state, text_state,
                              text, tsv, pages, extracted_at, generation, created_at, updated_at)
    SELECT a.storage_key, a.media_type, a.sha256, a.size, NULL, 'ready', h.text || x.text, h.tsv || x.tsv,
           greatest(1, round(length(h.text || x.text)::numeric / ${CHARS_PER_PAGE}))::int,
           a.created_at + interval '1 minute', 1, a.created_at, a.created_at + interval '1 minute'
      FROM bench_document b
      JOIN attachment a ON a.id = b.file_id
     CROSS JOIN LATERAL (
       SELECT t.text, to_tsvector('eiso_vi', t.text) AS tsv
         FROM (SELECT upper(b.agency_name) || E'\\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\nĐộc lập - Tự do - Hạnh phúc\\n'
                      || upper(b.title) || E'\\nMã hiệu: ' || b.code || ' Lần ban hành: 01 Ngày hiệu lực: '
                      || to_char(b.effective_from, 'DD/MM/YYYY') || E'\\n' AS text) t
     ) h
     CROSS JOIN LATERAL (
       SELECT string_agg(s.text, ' ' ORDER BY o.ord) AS text, bench_tsvector_agg(s.tsv ORDER BY o.ord) AS tsv
         FROM (
           SELECT k * 10 AS ord, 1 + ${hash('b.seq * 4096 + k')} % $3::int AS id
             FROM generate_series(1, b.sentences) k
           UNION ALL
           SELECT k * 10 - 5, 1000000 + 100 * (k / 12 + 1) + 1 + ${hash('b.seq * 4096 + 2048 + k')} % $4::int
             FROM generate_series(1, b.sentences, 12) k
           UNION ALL
           SELECT (1 + ${hash('-(b.seq * 64 + p.j)')} % b.sentences) * 10 + 5,
                  2000000 + 100 * p.j + 1 + ${hash('-(b.seq * 64 + p.j + 32)')} % $5::int
             FROM unnest($6::int[]) WITH ORDINALITY AS p(share, j)
            WHERE ${hash('b.seq * 64 + p.j + 100000000000')} % 10000 < p.share
         ) o
         JOIN bench_sentence s ON s.id = o.id
     ) x
     WHERE b.seq BETWEEN $1 AND $2`;
  const params = [
    DISTINCT_SENTENCES,
    SECTION_HEADS.length,
    PHRASE_VARIANTS,
    CONTROLLED_PHRASES.map(([share]) => share),
  ];
  let next = 1;
  const worker = async (): Promise<void> => {
    const pg = new PgClient({ connectionString: databaseUrl });
    await pg.connect();
    try {
      for (let from = next; from <= DOCUMENTS; from = next) {
        next += BATCH;
        await pg.query(statement, [from, Math.min(DOCUMENTS, from + BATCH - 1), ...params]);
      }
    } finally {
      await pg.end();
    }
  };
  const workers = Math.max(1, Math.min(4, availableParallelism()));
  await Promise.all(Array.from({ length: workers }, worker));
}

/** The concatenated tsvectors are what to_tsvector makes of the whole text (a sample), or the bench fails. */
async function checkTsvectors(pg: PgClient): Promise<void> {
  const {
    rows: [{ checked, different }],
  } = await pg.query<{ checked: number; different: number }>(
    `SELECT count(*)::int AS checked, count(*) FILTER (WHERE tsv <> to_tsvector('eiso_vi', text))::int AS different
       FROM (SELECT tsv, text FROM file_content ORDER BY md5(source_key) LIMIT $1) f`,
    [CHECKED_DOCUMENTS],
  );
  if (different || !checked) {
    throw new Error(`${different} of ${checked} tsvectors differ from to_tsvector('eiso_vi', text)`);
  }
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

interface HitPage {
  items: { id: string; file: { id: string } }[];
  total: number;
}

interface HitSqlRow {
  document_id: string;
  file_id: string;
  total: string;
}

runBench(async (ctx) => {
  const wall = process.hrtime.bigint();
  const s3 = await startS3Process(ctx);
  const databaseUrl = await createDatabase(ctx, 'eiso_bench_search');
  migrate(databaseUrl);
  // The API starts before the load, not after as in bench:oversight: its modules are loaded by then,
  // so that a rebuild of dist/ in the same tree during the minutes of the load cannot break it.
  const api = await startApi(ctx, { databaseUrl, s3 });
  await api.ready();

  let started = process.hrtime.bigint();
  const passwordHash = await new PasswordHasher().hash(PASSWORD);
  const pg = new PgClient({ connectionString: databaseUrl });
  await pg.connect();
  ctx.defer('pg client', () => pg.end());
  const timings = await seed(pg, databaseUrl, passwordHash);
  const {
    rows: [size],
  } = await pg.query<{ chars: string; pages: string; lexemes: string; text_mb: string; tsv_mb: string }>(
    `SELECT round(avg(length(text))) AS chars, round(avg(pages), 1) AS pages, round(avg(length(tsv))) AS lexemes,
            round(sum(pg_column_size(text)) / 1048576.0) AS text_mb, round(sum(pg_column_size(tsv)) / 1048576.0) AS tsv_mb
       FROM file_content`,
  );
  say(
    `Đã tạo ${AGENCIES} cơ quan, ${vi(DOCUMENTS)} tài liệu hiệu lực (${vi(OWN_DOCUMENTS)} của Sở Tư pháp), mỗi tài liệu ` +
      `một tệp PDF với nội dung trung bình ${vi(Number(size.chars))} ký tự (${size.pages} trang, ` +
      `${size.lexemes} từ vị; văn bản ${size.text_mb} MB, tsvector ${size.tsv_mb} MB khi lưu) ` +
      `trong ${seconds(started).toFixed(1)} s (văn bản và tsvector ${timings.text.toFixed(1)} s, chỉ mục GIN ${timings.index.toFixed(1)} s)`,
  );

  const { accessToken } = await json<{ accessToken: string }>('POST', `${api.base}/api/v1/auth/login`, {
    username: SEARCHER,
    password: PASSWORD,
  });
  const {
    rows: [{ agency_id: agencyId }],
  } = await pg.query<{ agency_id: string }>(`SELECT agency_id FROM app_user WHERE username = $1`, [SEARCHER]);

  // The statements of GET /search for a staff member: the agency's versions in force, first page.
  const filter: DocumentHitsFilter = { agencyId, issuedOnly: true, type: null, limit: PAGE_SIZE, offset: 0 };
  const cases = QUERIES.map((q) => {
    const { sql, params } = documentHitsQuery(parseSearchQuery(q), filter);
    const url = `${api.base}/api/v1/search?${new URLSearchParams({ q, scope: 'documents', pageSize: String(PAGE_SIZE) }).toString()}`;
    return {
      q,
      explain: { sql, params },
      getPage: () => json<HitPage>('GET', url, null, accessToken),
      runSql: async () => (await pg.query<HitSqlRow>(sql, params)).rows,
      apiMs: [] as number[],
      sqlMs: [] as number[],
    };
  });

  // Both answer the same hits, and every query finds something.
  for (const c of cases) {
    const page = await c.getPage();
    const rows = await c.runSql();
    const total = rows.length ? Number(rows[0].total) : 0;
    if (
      page.items.map((h) => `${h.id}/${h.file.id}`).join() !==
        rows.map((r) => `${r.document_id}/${r.file_id}`).join() ||
      page.total !== total
    ) {
      throw new Error(`the API and its SQL do not answer the same hits for ${c.q}: not the same statement?`);
    }
    if (!total) throw new Error(`the seed does not fit the query ${c.q}: no hit`);
    say(`  ${c.q}: ${vi(total)} kết quả trong ${vi(OWN_DOCUMENTS)} tài liệu của cơ quan`);
  }
  if (EXPLAIN) {
    for (const c of cases) {
      const { rows } = await pg.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${c.explain.sql}`,
        c.explain.params,
      );
      say(`EXPLAIN ${c.q}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  }

  for (let i = 0; i < WARMUP; i++) {
    const c = cases[i % cases.length];
    await c.getPage();
    await c.runSql();
  }
  // One request then one statement, RUNS times through the queries: the machine's noise falls on
  // both alike.
  const apiMs: number[] = [];
  const sqlMs: number[] = [];
  started = process.hrtime.bigint();
  for (let i = 0; i < RUNS; i++) {
    const c = cases[i % cases.length];
    let t = process.hrtime.bigint();
    await c.getPage();
    const request = Number(process.hrtime.bigint() - t) / 1e6;
    t = process.hrtime.bigint();
    await c.runSql();
    const statement = Number(process.hrtime.bigint() - t) / 1e6;
    apiMs.push(request);
    sqlMs.push(statement);
    c.apiMs.push(request);
    c.sqlMs.push(statement);
  }
  say(`${RUNS} yêu cầu và ${RUNS} lần chạy câu SQL, lần lượt, trong ${seconds(started).toFixed(1)} s:`);
  for (const c of cases) {
    say(`  ${c.q} (${c.apiMs.length} lần)`);
    say(`    API ${describe(c.apiMs)}`);
    say(`    SQL ${describe(c.sqlMs)}`);
  }
  say(`  API  GET /api/v1/search?scope=documents&pageSize=${PAGE_SIZE}: ${describe(apiMs)}`);
  say(`  SQL  documentHitsQuery (pg, cùng từ khóa, cùng bộ lọc):     ${describe(sqlMs)}`);
  const apiP95 = percentile(apiMs, 95);
  const sqlP95 = percentile(sqlMs, 95);
  const ratio = apiP95 / sqlP95;
  say(
    ratio <= TARGET_RATIO
      ? `Đạt mục tiêu: p95 của API bằng ${ratio.toFixed(2)} lần p95 của câu SQL (≤ ${TARGET_RATIO})`
      : `Chưa đạt mục tiêu: p95 của API bằng ${ratio.toFixed(2)} lần p95 của câu SQL (> ${TARGET_RATIO})`,
  );
  say(
    apiP95 < TARGET_API_P95_MS
      ? `Đạt mục tiêu: p95 của API ${ms(apiP95)} ms (< ${TARGET_API_P95_MS} ms)`
      : `Chưa đạt mục tiêu: p95 của API ${ms(apiP95)} ms (≥ ${TARGET_API_P95_MS} ms)`,
  );
  say(`Thời gian chạy cả bài đo: ${seconds(wall).toFixed(0)} s`);
  say(`bench:search api_p95_ms=${ms(apiP95)} sql_p95_ms=${ms(sqlP95)} ratio=${ratio.toFixed(2)}`);
});
