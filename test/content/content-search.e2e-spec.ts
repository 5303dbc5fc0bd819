import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { extractPdfText } from '@eiso/pdf/testing';
import { PDFDocument, rgb } from 'pdf-lib';
import { apiAs } from '../support/api-as';
import { buildDocx } from '../support/docx';
import {
  approvedVersion,
  DocumentRef,
  DraftingCircle,
  issueVersion,
  newDocument,
  newDraftingCircle,
  versionPath,
} from '../support/document-flow';
import { samplePdf, sha256 } from '../support/files';
import { waitForQueuesToDrain } from '../support/queue-helpers';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

jest.setTimeout(240_000);

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The Word procedure of the Sở Tư pháp: Vietnamese with every kind of diacritic, and a table. */
const PROCEDURE = [
  'QUY TRÌNH CẤP PHIẾU LÝ LỊCH TƯ PHÁP',
  'Mục đích: quy định trình tự, thủ tục cấp Phiếu lý lịch tư pháp cho công dân Việt Nam.',
  'Thời hạn giải quyết: 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.',
  'Nơi tiếp nhận: Bộ phận Một cửa, Trung tâm Phục vụ hành chính công tỉnh Kon Tum, Đắk Hà.',
  'Những chữ có dấu: ă â đ ê ô ơ ư — ắ ằ ẳ ẵ ặ — ấ ầ ẩ ẫ ậ — ế ề ể ễ ệ — ố ồ ổ ỗ ộ — ớ ờ ở ỡ ợ — ứ ừ ử ữ ự — ỳ ỷ ỹ ỵ.',
];
const STEPS = [
  ['Bước', 'Nội dung công việc', 'Trách nhiệm'],
  ['B1', 'Tiếp nhận và kiểm tra hồ sơ', 'Công chức Một cửa'],
  ['B2', 'Tra cứu, xác minh thông tin lý lịch', 'Phòng Hành chính tư pháp'],
];

interface SearchHit {
  scope: string;
  id: string;
  versionId: string | null;
  code: string | null;
  agencyName: string;
  state: string;
  file: { id: string; name: string };
  snippet: { text: string; hit: boolean }[];
}

/**
 * Issue 17 on the services profile (PostgreSQL, Redis with a worker, S3): a Word procedure is
 * rendered by LibreOffice and its controlled copy carries its content; what files hold is found
 * without accents, with highlighted snippets, and only by those who may see it.
 */
describe('Content: renditions and search in what files hold (e2e)', () => {
  let ctx: TestContext;
  let justice: DraftingCircle;
  let health: DraftingCircle;
  let justiceStaff: TestUser;
  let healthStaff: TestUser;
  let overseer: TestUser;
  let procedure: DocumentRef;
  let draft: DocumentRef;

  const search = (user: TestUser, query: string) => apiAs(ctx, user).get(`/search?${query}`);
  const hitsOf = async (user: TestUser, query: string): Promise<SearchHit[]> => {
    const res = await search(user, query);
    expect(res.status).toBe(200);
    return res.body.items as SearchHit[];
  };
  const drain = () => waitForQueuesToDrain(ctx.worker!, 120_000);
  const sql = <T>(text: string, params: unknown[]): Promise<T> =>
    ctx.app.get(TransactionRunner).db.query(text, params);

  beforeAll(async () => {
    ctx = await createTestContext({}, { worker: true });
    const province = await ctx.newAgency({ name: 'Ủy ban nhân dân tỉnh Kon Tum', level: 'province' });
    const justiceAgency = await ctx.newAgency({
      name: 'Sở Tư pháp',
      parentId: province.id,
      abbreviation: 'STP',
    });
    const healthAgency = await ctx.newAgency({ name: 'Sở Y tế', parentId: province.id, abbreviation: 'SYT' });
    justice = await newDraftingCircle(ctx, justiceAgency.id);
    health = await newDraftingCircle(ctx, healthAgency.id);
    justiceStaff = await ctx.newUser({ roles: [Role.Staff], agencyId: justiceAgency.id });
    healthStaff = await ctx.newUser({ roles: [Role.Staff], agencyId: healthAgency.id });
    const dost = await ctx.newAgency({
      name: 'Sở Khoa học và Công nghệ',
      parentId: province.id,
      abbreviation: 'SKHCN',
    });
    overseer = await ctx.newUser({ roles: [Role.Overseer], agencyId: dost.id });

    // The procedure: a .docx primary file, approved and issued.
    procedure = await newDocument(ctx, justice, 'QT-LLTP-01', {
      title: 'Quy trình cấp Phiếu lý lịch tư pháp',
    });
    const docx = await buildDocx(PROCEDURE, STEPS);
    const up = await apiAs(ctx, justice.drafter).upload(
      `${versionPath(procedure)}/files`,
      'QT-LLTP-01.docx',
      docx,
      {
        kind: 'primary',
      },
    );
    expect(up.status).toBe(201);
    expect(up.body.mediaType).toBe(DOCX);
    await drain();
    await approvedVersion(ctx, justice, procedure);
    expect((await issueVersion(ctx, justice, procedure)).status).toBe(200);

    // A draft of the same agency with words of its own, never issued.
    draft = await newDocument(ctx, justice, 'QT-NB-02', { title: 'Quy trình nội bộ đang soạn' });
    const draftUp = await apiAs(ctx, justice.drafter).upload(
      `${versionPath(draft)}/files`,
      'du-thao.docx',
      await buildDocx(['Dự thảo: phương án sắp xếp biên chế Phòng Bổ trợ tư pháp, chưa ban hành.']),
      { kind: 'primary' },
    );
    expect(draftUp.status).toBe(201);
    await drain();
  });

  afterAll(() => ctx?.close());

  it('renders the Word file to PDF beside the original, whose bytes and sha256 stay as uploaded', async () => {
    const version = (await apiAs(ctx, justice.secretary).get(versionPath(procedure))).body;
    const primary = version.files.find((f: { kind: string }) => f.kind === 'primary');
    expect(primary.content.rendition).toMatchObject({
      state: 'ready',
      stateLabel: 'Đã có bản PDF',
      error: null,
    });
    expect(primary.content.rendition.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(primary.content.rendition.sha256).not.toBe(primary.sha256);
    expect(['soffice', 'gotenberg']).toContain(primary.content.rendition.renderedBy);
    expect(primary.content.text).toMatchObject({ state: 'ready', error: null });
    expect(primary.content.text.pages).toBeGreaterThanOrEqual(1);

    const original = await apiAs(ctx, justice.secretary).binary(
      `${versionPath(procedure)}/files/${primary.id}`,
    );
    expect(original.status).toBe(200);
    expect(sha256(original.body as Buffer)).toBe(primary.sha256);
  });

  it('makes the controlled copy of the Word procedure from its rendition: its content, every diacritic, the table', async () => {
    const copy = await apiAs(ctx, justiceStaff).binary(`${versionPath(procedure)}/controlled-copy`);
    expect(copy.status).toBe(200);
    // EISO_PDF_DIR=… keeps the copy, to look at its pages (pdftoppm).
    if (process.env.EISO_PDF_DIR)
      writeFileSync(join(process.env.EISO_PDF_DIR, 'ban-co-kiem-soat-word.pdf'), copy.body as Buffer);
    const text = await extractPdfText(copy.body as Buffer);
    const flat = text.replace(/\s+/g, ' ');
    // The cover names the original and both hashes; the content pages follow.
    expect(flat).toContain('Nội dung tài liệu ở các trang sau: bản PDF của tệp gốc QT-LLTP-01.docx');
    expect(flat).toContain('Mã SHA-256 của bản PDF chuyển đổi:');
    for (const line of PROCEDURE) expect(flat).toContain(line);
    for (const cell of STEPS.flat()) expect(flat).toContain(cell);
    // Every page stamped, the signature page last.
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page).toContain('BẢN CÓ KIỂM SOÁT');
      expect(page).toContain(`Trang ${i + 1}/${pages.length}`);
    });
    expect(pages[0]).toContain('Mã hiệu: QT-LLTP-01');
    expect(pages[pages.length - 1]).toContain('TRANG KÝ DUYỆT');
  });

  it('finds the issued procedure by a phrase typed without accents, with the words marked in the snippet', async () => {
    const hits = await hitsOf(justiceStaff, 'q=thoi%20han%20giai%20quyet');
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(hit).toMatchObject({
      scope: 'documents',
      id: procedure.id,
      versionId: procedure.versionId,
      code: 'QT-LLTP-01',
      state: 'effective',
      agencyName: 'Sở Tư pháp',
    });
    const marked = hit.snippet.filter((p) => p.hit).map((p) => p.text.trim());
    expect(marked.join(' ')).toContain('Thời hạn giải quyết');
    expect(hit.snippet.map((p) => p.text).join('')).toContain('05 ngày làm việc');
  });

  it('takes "phrases" in order, prefixes with *, and accents or capitals as typed', async () => {
    expect(await hitsOf(justiceStaff, `q=${encodeURIComponent('"giai quyet 05 ngay"')}`)).toHaveLength(1);
    // The same words in another order are not the phrase.
    expect(await hitsOf(justiceStaff, `q=${encodeURIComponent('"ngay 05 giai quyet"')}`)).toHaveLength(0);
    expect(await hitsOf(justiceStaff, `q=${encodeURIComponent('LÝ LỊCH tư pháp')}`)).toHaveLength(1);
    expect(await hitsOf(justiceStaff, `q=${encodeURIComponent('xac minh*')}`)).toHaveLength(1);
    expect(await hitsOf(justiceStaff, `q=${encodeURIComponent('Đắk Hà')}`)).toHaveLength(1);
    expect(await hitsOf(justiceStaff, `q=${encodeURIComponent('dak ha')}`)).toHaveLength(1);
    // Words of a table cell.
    expect(await hitsOf(justiceStaff, `q=${encodeURIComponent('tiep nhan va kiem tra ho so')}`)).toHaveLength(
      1,
    );
    expect(await hitsOf(justiceStaff, 'q=khongcotrongtailieu')).toHaveLength(0);
  });

  it('shows drafts to the drafting circle only; staff find versions in force', async () => {
    const words = `q=${encodeURIComponent('sap xep bien che')}`;
    const drafter = await hitsOf(justice.drafter, words);
    expect(drafter.map((h) => [h.code, h.state])).toEqual([['QT-NB-02', 'draft']]);
    expect(await hitsOf(justice.secretary, words)).toHaveLength(1);
    expect(await hitsOf(justiceStaff, words)).toHaveLength(0);
  });

  it('crosses no agency: another agency finds nothing, the overseer only what is in force', async () => {
    for (const user of [health.drafter, health.secretary, healthStaff]) {
      expect(await hitsOf(user, 'q=thoi%20han%20giai%20quyet')).toHaveLength(0);
      expect(await hitsOf(user, `q=${encodeURIComponent('sap xep bien che')}`)).toHaveLength(0);
    }
    const overseen = await hitsOf(overseer, 'q=thoi%20han%20giai%20quyet');
    expect(overseen.map((h) => h.code)).toEqual(['QT-LLTP-01']);
    expect(await hitsOf(overseer, `q=${encodeURIComponent('sap xep bien che')}`)).toHaveLength(0);
    // Records are agency-internal: the overseer finds none.
    expect(await hitsOf(overseer, 'scope=records&q=noi%20dung')).toHaveLength(0);
  });

  it('finds records of its own agency by their files, and marks a scan "không có lớp chữ"', async () => {
    const unit = await ctx.newOrgUnit(justice.agencyId, 'Văn phòng Sở');
    const type = await apiAs(ctx, justice.secretary).post('/record-types', {
      code: 'HS-LLTP',
      name: 'Hồ sơ cấp Phiếu lý lịch tư pháp',
      retentionMonths: 60,
      storagePlace: 'Kho lưu trữ Văn phòng Sở',
      responsibleOrgUnitId: unit.id,
    });
    expect(type.status).toBe(201);
    const record = await apiAs(ctx, justiceStaff).post('/records', {
      recordTypeId: type.body.id,
      title: 'Hồ sơ cấp Phiếu lý lịch tư pháp số 125',
      reference: 'LLTP-125',
      recordDate: '2026-11-20',
    });
    expect(record.status).toBe(201);
    const recordId = record.body.id as string;
    const up = await apiAs(ctx, justiceStaff).upload(
      `/records/${recordId}/files`,
      'to-khai.pdf',
      await samplePdf('To khai yeu cau cap Phieu ly lich tu phap cua ong Nguyen Van Minh'),
    );
    expect(up.status).toBe(201);
    const scan = await apiAs(ctx, justiceStaff).upload(
      `/records/${recordId}/files`,
      'ban-chup.pdf',
      await scannedPdf(),
    );
    expect(scan.status).toBe(201);
    await drain();

    const hits = await hitsOf(justiceStaff, `scope=records&q=${encodeURIComponent('Nguyễn Văn Minh')}`);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ scope: 'records', id: recordId, code: 'LLTP-125', versionId: null });
    expect(hits[0].file.name).toBe('to-khai.pdf');
    for (const user of [healthStaff, health.secretary])
      expect(await hitsOf(user, `scope=records&q=${encodeURIComponent('Nguyen Van Minh')}`)).toHaveLength(0);

    // A long file: the snippet is cut around its match, deep in the text.
    const filler = Array.from(
      { length: 120 },
      (_, i) => `Đoạn ${i + 1}: nội dung thông thường của biên bản, không có gì đặc biệt để tìm.`,
    );
    const long = await apiAs(ctx, justiceStaff).upload(
      `/records/${recordId}/files`,
      'bien-ban-xac-minh.docx',
      await buildDocx([...filler, 'Kết luận: đương sự đã chấp hành xong bản án hình sự năm 2019.']),
    );
    expect(long.status).toBe(201);
    await drain();
    const deep = await hitsOf(
      justiceStaff,
      `scope=records&q=${encodeURIComponent('"chap hanh xong ban an"')}`,
    );
    expect(deep).toHaveLength(1);
    expect(deep[0].file.name).toBe('bien-ban-xac-minh.docx');
    expect(
      deep[0].snippet
        .filter((p) => p.hit)
        .map((p) => p.text)
        .join(' '),
    ).toContain('chấp hành xong bản án');

    const states: { text_state: string; pages: number }[] = await sql(
      `SELECT c.text_state, c.pages FROM file_content c JOIN attachment a ON a.storage_key = c.source_key
        WHERE a.id = $1`,
      [scan.body.id],
    );
    expect(states).toEqual([{ text_state: 'no_text_layer', pages: 1 }]);
  });

  it('forgets a removed file: its words are found no more, its rendition is deleted', async () => {
    const files = (await apiAs(ctx, justice.drafter).get(versionPath(draft))).body.files as {
      id: string;
      kind: string;
    }[];
    const primary = files.find((f) => f.kind === 'primary')!;
    const [before]: { rendition_key: string }[] = await sql(
      `SELECT c.rendition_key FROM file_content c JOIN attachment a ON a.storage_key = c.source_key WHERE a.id = $1`,
      [primary.id],
    );
    expect(before.rendition_key).toBeTruthy();
    expect((await apiAs(ctx, justice.drafter).del(`${versionPath(draft)}/files/${primary.id}`)).status).toBe(
      204,
    );
    expect(await hitsOf(justice.drafter, `q=${encodeURIComponent('sap xep bien che')}`)).toHaveLength(0);
    const left = await sql(`SELECT 1 FROM file_content WHERE rendition_key = $1`, [before.rendition_key]);
    expect(left).toHaveLength(0);
  });

  it('answers bad input with a 400 and its code, in Vietnamese', async () => {
    const empty = await search(justiceStaff, 'q=');
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('VALIDATION_FAILED');
    const punctuation = await search(justiceStaff, `q=${encodeURIComponent('"" *** --')}`);
    expect(punctuation.status).toBe(400);
    expect(punctuation.body).toMatchObject({
      code: 'SEARCH_QUERY_EMPTY',
      message: 'Từ khóa tìm kiếm phải có ít nhất một chữ hoặc chữ số.',
    });
    expect((await search(justiceStaff, 'q=a&scope=tat-ca')).status).toBe(400);
    expect((await search(justiceStaff, `q=${'a'.repeat(201)}`)).status).toBe(400);
    // Operators of tsquery syntax are only text here.
    const operators = await search(justiceStaff, `q=${encodeURIComponent("thoi & (han | !giai) <-> ' :*")}`);
    expect(operators.status).toBe(200);
  });
});

/** A one-page PDF of a scan: an image-like drawing, no text layer. */
async function scannedPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  for (let i = 0; i < 40; i++)
    page.drawRectangle({
      x: 60 + (i % 5) * 90,
      y: 100 + i * 16,
      width: 80,
      height: 10,
      color: rgb(0.2, 0.2, 0.2),
    });
  return Buffer.from(await pdf.save());
}
