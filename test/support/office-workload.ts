import { createHash, randomBytes } from 'node:crypto';

/*
 * An office at work against a running API: two agencies, twenty people at once, each doing what
 * their role does all day — log in, list and search documents, open a version, download its file,
 * acknowledge it, and (drafters) create drafts and upload files. Every answer is checked against
 * what was asked for: a 200 that carries another document, another agency's row or other bytes is
 * counted as an error just like a 5xx. Used by the embedded e2e suite and by `npm run bench:office`,
 * so it imports nothing from jest.
 */

const PASSWORD = 'MatKhau-Van-Phong-2026';
const FIRST_PASSWORD = 'Tam-Thoi-Van-Phong-2026';

interface DocumentFixture {
  id: string;
  code: string;
  versionId: string;
  fileId: string;
  sha256: string;
}

interface UserFixture {
  username: string;
  id: string;
  role: 'drafter' | 'staff' | 'iso_secretary';
}

interface AgencyFixture {
  id: string;
  users: UserFixture[];
  documents: DocumentFixture[];
}

export interface OfficeFixture {
  base: string;
  adminToken: string;
  agencies: AgencyFixture[];
}

/** A write the API answered 2xx: after a crash it must still be there. */
export interface AcknowledgedWrite {
  kind: 'document' | 'file' | 'acknowledgement';
  agencyId: string;
  documentId: string;
  versionId: string;
  fileId?: string;
  sha256?: string;
  username: string;
  userId: string;
}

export interface OfficeResult {
  requests: number;
  /** 5xx, network errors, unexpected 4xx and answers that carry the wrong rows. */
  errors: string[];
  latenciesMs: number[];
  elapsedMs: number;
  writes: AcknowledgedWrite[];
  byOperation: Record<string, number>;
}

interface Answer {
  status: number;
  body: unknown;
  bytes: Buffer;
  headers: Headers;
}

/** Plain bytes of a small, valid PDF with a marker inside, so every upload has its own hash. */
function pdfBytes(marker: string): Buffer {
  const text = `BT /F1 12 Tf 72 720 Td (${marker}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

async function call(
  base: string,
  method: string,
  path: string,
  token: string | null,
  body?: object | FormData,
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: string | FormData | undefined;
  if (body instanceof FormData) payload = body;
  else if (body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${base}/api/v1${path}`, { method, headers, body: payload });
  const bytes = Buffer.from(await res.arrayBuffer());
  let parsed: unknown = null;
  if ((res.headers.get('content-type') ?? '').includes('json') && bytes.length)
    parsed = JSON.parse(bytes.toString('utf8'));
  return { status: res.status, body: parsed, bytes, headers: res.headers };
}

/* eslint-disable @typescript-eslint/no-explicit-any */
async function must(
  base: string,
  method: string,
  path: string,
  token: string | null,
  body?: object | FormData,
): Promise<any> {
  const answer = await call(base, method, path, token, body);
  if (answer.status >= 300) {
    throw new Error(`${method} ${path} → ${answer.status} ${answer.bytes.toString('utf8').slice(0, 300)}`);
  }
  return answer.body;
}

async function login(base: string, username: string, password: string): Promise<string> {
  return ((await must(base, 'POST', '/auth/login', null, { username, password })) as { accessToken: string })
    .accessToken;
}

function fileForm(bytes: Buffer, name: string): FormData {
  const form = new FormData();
  form.append('kind', 'primary');
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), name);
  return form;
}

/** Two agencies, each with its people and five documents in force (with their files). */
export async function setUpOffice(base: string, adminPassword: string): Promise<OfficeFixture> {
  const adminToken = await login(base, 'admin', adminPassword);
  const run = randomBytes(3).toString('hex');
  const agencies: AgencyFixture[] = [];
  for (const [index, name] of ['Sở Tư pháp (văn phòng thử)', 'Sở Y tế (văn phòng thử)'].entries()) {
    const agency = await must(base, 'POST', '/agencies', adminToken, {
      name: `${name} ${run}`,
      level: 'province_department',
      roadmapYear: 2025,
    });
    const people: [string, UserFixture['role'] | 'reviewer' | 'approver'][] = [
      [`vp${index}.${run}.soanthao`, 'drafter'],
      [`vp${index}.${run}.xemxet`, 'reviewer'],
      [`vp${index}.${run}.giamdoc`, 'approver'],
      [`vp${index}.${run}.thuky`, 'iso_secretary'],
      ...Array.from({ length: 8 }, (_, i): [string, 'staff'] => [`vp${index}.${run}.cb${i + 1}`, 'staff']),
    ];
    const users: UserFixture[] = [];
    const tokens: Record<string, string> = {};
    for (const [username, role] of people) {
      const user = await must(base, 'POST', '/users', adminToken, {
        username,
        fullName: `Cán bộ ${username}`,
        password: FIRST_PASSWORD,
        agencyId: agency.id,
        roles: [role],
      });
      // A password set by the administrator is temporary: the holder replaces it at first login.
      const first = await login(base, username, FIRST_PASSWORD);
      const session = await must(base, 'POST', '/me/password', first, {
        currentPassword: FIRST_PASSWORD,
        newPassword: PASSWORD,
      });
      tokens[role] = (session as { accessToken: string }).accessToken;
      if (role === 'drafter' || role === 'staff' || role === 'iso_secretary')
        users.push({ username, id: user.id, role });
    }
    const documents: DocumentFixture[] = [];
    for (let n = 1; n <= 5; n += 1) {
      const code = `QT-VP${index}-${run}-${n}`;
      const doc = await must(base, 'POST', '/documents', tokens.drafter, {
        code,
        title: `Quy trình văn phòng số ${n}`,
        type: 'procedure',
      });
      const versionId = doc.currentVersion.id as string;
      const path = `/documents/${doc.id}/versions/${versionId}`;
      const bytes = pdfBytes(code);
      const file = await must(base, 'POST', `${path}/files`, tokens.drafter, fileForm(bytes, `${code}.pdf`));
      await must(base, 'POST', `${path}/submit`, tokens.drafter, {});
      await must(base, 'POST', `${path}/review`, tokens.reviewer, { decision: 'approve' });
      await must(base, 'POST', `${path}/approve`, tokens.approver, { password: PASSWORD });
      await must(base, 'POST', `${path}/issue`, tokens.iso_secretary, { password: PASSWORD });
      documents.push({ id: doc.id, code, versionId, fileId: file.id, sha256: sha256(bytes) });
    }
    agencies.push({ id: agency.id, users, documents });
  }
  return { base, adminToken, agencies };
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];

interface Client {
  agency: AgencyFixture;
  user: UserFixture;
  token: string;
  drafts: number;
}

type Operation = (
  c: Client,
  base: string,
  fail: (why: string) => void,
  wrote: (w: AcknowledgedWrite) => void,
) => Promise<void>;

const check = (ok: boolean, fail: (why: string) => void, why: string): void => {
  if (!ok) fail(why);
};

const OPERATIONS: Record<string, Operation> = {
  async login(c, base, fail) {
    const res = await call(base, 'POST', '/auth/login', null, {
      username: c.user.username,
      password: PASSWORD,
    });
    if (res.status !== 200) return fail(`login ${c.user.username} → ${res.status}`);
    c.token = (res.body as { accessToken: string }).accessToken;
    const me = await call(base, 'GET', '/me', c.token);
    const body = me.body as { id?: string; agencyId?: string } | null;
    check(
      me.status === 200 && body?.id === c.user.id && body?.agencyId === c.agency.id,
      fail,
      `me of ${c.user.username} → ${me.status} ${JSON.stringify(body)?.slice(0, 200)}`,
    );
  },
  async list(c, base, fail) {
    const res = await call(base, 'GET', '/documents?pageSize=50', c.token);
    const body = res.body as { items?: { agencyId: string }[]; total?: number } | null;
    check(
      res.status === 200 && Array.isArray(body?.items) && (body?.total ?? 0) >= 5,
      fail,
      `list → ${res.status} ${JSON.stringify(body)?.slice(0, 200)}`,
    );
    for (const item of body?.items ?? [])
      check(
        item.agencyId === c.agency.id,
        fail,
        `list of ${c.agency.id} carried a document of ${item.agencyId}`,
      );
  },
  async search(c, base, fail) {
    const doc = pick(c.agency.documents);
    const res = await call(
      base,
      'GET',
      `/documents?q=${encodeURIComponent(doc.code.toLowerCase())}`,
      c.token,
    );
    const body = res.body as { items?: { id: string; agencyId: string }[] } | null;
    check(
      res.status === 200 && !!body?.items?.some((i) => i.id === doc.id),
      fail,
      `search ${doc.code} → ${res.status} without it`,
    );
    for (const item of body?.items ?? [])
      check(item.agencyId === c.agency.id, fail, `search carried a document of ${item.agencyId}`);
  },
  async open(c, base, fail) {
    const doc = pick(c.agency.documents);
    const res = await call(base, 'GET', `/documents/${doc.id}/versions/${doc.versionId}`, c.token);
    const body = res.body as {
      id?: string;
      documentId?: string;
      files?: { id: string; sha256: string }[];
    } | null;
    check(
      res.status === 200 &&
        body?.id === doc.versionId &&
        body?.documentId === doc.id &&
        !!body?.files?.some((f) => f.id === doc.fileId && f.sha256 === doc.sha256),
      fail,
      `open ${doc.versionId} → ${res.status} ${JSON.stringify(body)?.slice(0, 200)}`,
    );
    const head = await call(base, 'GET', `/documents/${doc.id}`, c.token);
    const document = head.body as { id?: string; agencyId?: string; effectiveVersionId?: string } | null;
    check(
      head.status === 200 &&
        document?.id === doc.id &&
        document?.agencyId === c.agency.id &&
        document?.effectiveVersionId === doc.versionId,
      fail,
      `document ${doc.id} → ${head.status} ${JSON.stringify(document)?.slice(0, 200)}`,
    );
  },
  async download(c, base, fail) {
    const doc = pick(c.agency.documents);
    const res = await call(
      base,
      'GET',
      `/documents/${doc.id}/versions/${doc.versionId}/files/${doc.fileId}`,
      c.token,
    );
    check(
      res.status === 200 && sha256(res.bytes) === doc.sha256,
      fail,
      `download ${doc.fileId} → ${res.status}, ${res.bytes.length} bytes of another file`,
    );
  },
  async acknowledge(c, base, fail, wrote) {
    const doc = pick(c.agency.documents);
    const res = await call(
      base,
      'POST',
      `/documents/${doc.id}/versions/${doc.versionId}/acknowledgements`,
      c.token,
      {},
    );
    const code = (res.body as { code?: string } | null)?.code;
    if (res.status === 201 || res.status === 200) {
      wrote({
        kind: 'acknowledgement',
        agencyId: c.agency.id,
        documentId: doc.id,
        versionId: doc.versionId,
        username: c.user.username,
        userId: c.user.id,
      });
    } else if (!(res.status === 409 && code === 'DOCUMENT_ALREADY_ACKNOWLEDGED')) {
      fail(`acknowledge ${doc.versionId} → ${res.status} ${code ?? ''}`);
    }
  },
  async draft(c, base, fail, wrote) {
    c.drafts += 1;
    const code = `DT-${c.user.username.replace(/\W/g, '')}-${c.drafts}-${randomBytes(2).toString('hex')}`;
    const res = await call(base, 'POST', '/documents', c.token, {
      code,
      title: `Dự thảo ${c.drafts}`,
      type: 'form',
    });
    const doc = res.body as {
      id?: string;
      agencyId?: string;
      code?: string;
      currentVersion?: { id: string };
    } | null;
    if (res.status !== 201 || doc?.code !== code || doc?.agencyId !== c.agency.id || !doc.currentVersion) {
      return fail(`draft ${code} → ${res.status} ${JSON.stringify(doc)?.slice(0, 200)}`);
    }
    const versionId = doc.currentVersion.id;
    wrote({
      kind: 'document',
      agencyId: c.agency.id,
      documentId: doc.id!,
      versionId,
      username: c.user.username,
      userId: c.user.id,
    });
    const bytes = pdfBytes(code);
    const up = await call(
      base,
      'POST',
      `/documents/${doc.id}/versions/${versionId}/files`,
      c.token,
      fileForm(bytes, `${code}.pdf`),
    );
    const file = up.body as { id?: string; sha256?: string } | null;
    if (up.status !== 201 || file?.sha256 !== sha256(bytes))
      return fail(`upload ${code} → ${up.status} ${JSON.stringify(file)?.slice(0, 200)}`);
    wrote({
      kind: 'file',
      agencyId: c.agency.id,
      documentId: doc.id!,
      versionId,
      fileId: file.id,
      sha256: file.sha256,
      username: c.user.username,
      userId: c.user.id,
    });
  },
};

/**
 * What each role does, with its weight. A login costs ~250 ms of argon2 on purpose; people log in a
 * few times a day and read many times an hour, so logins are a small share (every person's first
 * operation is one anyway).
 */
const MIX: Record<UserFixture['role'], [string, number][]> = {
  staff: [
    ['login', 1],
    ['list', 6],
    ['search', 6],
    ['open', 6],
    ['download', 6],
    ['acknowledge', 4],
  ],
  iso_secretary: [
    ['list', 6],
    ['search', 4],
    ['open', 4],
    ['download', 2],
    ['login', 1],
  ],
  drafter: [
    ['draft', 3],
    ['list', 1],
    ['search', 1],
    ['open', 1],
  ],
};

function chooseOperation(role: UserFixture['role']): string {
  const mix = MIX[role];
  let roll = Math.random() * mix.reduce((sum, [, w]) => sum + w, 0);
  for (const [name, weight] of mix) {
    roll -= weight;
    if (roll <= 0) return name;
  }
  return mix[0][0];
}

export interface OfficeOptions {
  clients: number;
  durationMs: number;
  /** Stops the clients early (e.g. once the process was killed on purpose). */
  signal?: AbortSignal;
  /** Network errors are expected after a deliberate kill; count them apart. */
  tolerateNetworkErrors?: boolean;
  /** Told of every acknowledged write as it happens. */
  onWrite?: (write: AcknowledgedWrite) => void;
}

/** Runs `clients` people at once for `durationMs`, one request after another each. */
export async function runOffice(fixture: OfficeFixture, options: OfficeOptions): Promise<OfficeResult> {
  const people = fixture.agencies.flatMap((agency) => agency.users.map((user) => ({ agency, user })));
  // Each person's first operation is a login (below), so a kill during start-up is handled like any other.
  const clients: Client[] = Array.from({ length: options.clients }, (_, i) => ({
    ...people[i % people.length],
    token: '',
    drafts: 0,
  }));
  const result: OfficeResult = {
    requests: 0,
    errors: [],
    latenciesMs: [],
    elapsedMs: 0,
    writes: [],
    byOperation: {},
  };
  const started = Date.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    clients.map(async (client) => {
      while (Date.now() < deadline && !options.signal?.aborted) {
        const name = client.token ? chooseOperation(client.user.role) : 'login';
        const t0 = performance.now();
        try {
          await OPERATIONS[name](
            client,
            fixture.base,
            (why) => result.errors.push(why),
            (w) => {
              result.writes.push(w);
              options.onWrite?.(w);
            },
          );
        } catch (error) {
          if (options.signal?.aborted && options.tolerateNetworkErrors) break;
          result.errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        }
        result.latenciesMs.push(performance.now() - t0);
        result.requests += 1;
        result.byOperation[name] = (result.byOperation[name] ?? 0) + 1;
      }
    }),
  );
  result.elapsedMs = Date.now() - started;
  return result;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** One line: operations per second and latency percentiles (one operation may be two requests). */
export function describeOffice(label: string, r: OfficeResult): string {
  const ops = (r.requests / (r.elapsedMs / 1000)).toFixed(1);
  const ms = (p: number): string => percentile(r.latenciesMs, p).toFixed(1);
  return `${label} ops_per_s=${ops} p50_ms=${ms(50)} p95_ms=${ms(95)} p99_ms=${ms(99)} errors=${r.errors.length} ops=${r.requests}`;
}

/** Every acknowledged write, read back by the person who made it (acknowledgements: by the ISO secretary). */
export async function missingWrites(fixture: OfficeFixture, writes: AcknowledgedWrite[]): Promise<string[]> {
  const missing: string[] = [];
  const tokens = new Map<string, string>();
  const tokenOf = async (username: string): Promise<string> => {
    if (!tokens.has(username)) tokens.set(username, await login(fixture.base, username, PASSWORD));
    return tokens.get(username)!;
  };
  for (const w of writes) {
    const agency = fixture.agencies.find((a) => a.id === w.agencyId)!;
    if (w.kind === 'acknowledgement') {
      const secretary = agency.users.find((u) => u.role === 'iso_secretary')!;
      const path = `/documents/${w.documentId}/versions/${w.versionId}/acknowledgements`;
      const res = await call(fixture.base, 'GET', path, await tokenOf(secretary.username));
      if (res.status !== 200 || !JSON.stringify(res.body).includes(w.userId)) {
        missing.push(`acknowledgement of ${w.username} on ${w.versionId} → ${res.status}`);
      }
      continue;
    }
    const token = await tokenOf(w.username);
    const res = await call(fixture.base, 'GET', `/documents/${w.documentId}/versions/${w.versionId}`, token);
    const version = res.body as { documentId?: string; files?: { id: string; sha256: string }[] } | null;
    if (res.status !== 200 || version?.documentId !== w.documentId) {
      missing.push(`${w.kind} ${w.documentId} → ${res.status}`);
      continue;
    }
    if (w.kind === 'file') {
      if (!version.files?.some((f) => f.id === w.fileId && f.sha256 === w.sha256))
        missing.push(`file row ${w.fileId}`);
      const path = `/documents/${w.documentId}/versions/${w.versionId}/files/${w.fileId}`;
      const bytes = await call(fixture.base, 'GET', path, token);
      if (bytes.status !== 200 || sha256(bytes.bytes) !== w.sha256)
        missing.push(`bytes of ${w.fileId} → ${bytes.status}`);
    }
  }
  return missing;
}
