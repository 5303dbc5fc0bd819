import { randomBytes, randomUUID } from 'node:crypto';
import { samplePdf } from '../../support/files';
import { eventually, FaultHarness, FaultUser, USER_PASSWORD } from './fault-harness';

/** One agency with a person for each role of document control and records. */
export interface Office {
  agencyId: string;
  unitId: string;
  admin: FaultUser;
  drafter: FaultUser;
  reviewer: FaultUser;
  approver: FaultUser;
  secretary: FaultUser;
  staff: FaultUser;
}

export async function createOffice(h: FaultHarness, adminPassword: string): Promise<Office> {
  const agencyId = randomUUID();
  const unitId = randomUUID();
  await h.sql(
    `INSERT INTO agency (id, name, level, roadmap_year) VALUES ($1, $2, 'province_department', 2025)`,
    [agencyId, `Sở thử lỗi ${agencyId.slice(0, 8)}`],
  );
  await h.sql(`INSERT INTO org_unit (id, agency_id, name) VALUES ($1, $2, 'Văn phòng Sở')`, [
    unitId,
    agencyId,
  ]);
  const adminRow = await h.sql<{ id: string }>(`SELECT id FROM app_user WHERE username = 'admin'`);
  return {
    agencyId,
    unitId,
    admin: { id: adminRow[0].id, username: 'admin', auth: await h.login('admin', adminPassword) },
    drafter: await h.newUser(['drafter'], agencyId),
    reviewer: await h.newUser(['reviewer'], agencyId, unitId),
    approver: await h.newUser(['approver'], agencyId),
    secretary: await h.newUser(['iso_secretary'], agencyId),
    staff: await h.newUser(['staff'], agencyId, unitId),
  };
}

export interface DraftVersion {
  documentId: string;
  versionId: string;
  path: string;
}

/** A new procedure with its first draft (no file yet). */
export async function createDraft(h: FaultHarness, office: Office): Promise<DraftVersion> {
  const code = `QT-TL-${randomBytes(3).toString('hex').toUpperCase()}`;
  const created = await h.request('POST', '/api/v1/documents', {
    auth: office.drafter.auth,
    body: {
      code,
      title: `Quy trình thử lỗi ${code}`,
      type: 'procedure',
      ownerOrgUnitId: office.unitId,
      distribution: { orgUnitIds: [office.unitId] },
    },
  });
  if (created.status !== 201)
    throw new Error(`create document: ${created.status} ${JSON.stringify(created.body)}`);
  const documentId = created.body.id as string;
  const versions = await h.request('GET', `/api/v1/documents/${documentId}/versions`, {
    auth: office.drafter.auth,
  });
  const versionId = (versions.body as unknown as { id: string }[])[0].id;
  return { documentId, versionId, path: `/api/v1/documents/${documentId}/versions/${versionId}` };
}

export function pdfForm(bytes: Buffer, name = 'quy-trinh.pdf', kind = 'primary'): FormData {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
  return form;
}

/** A draft with its primary PDF, submitted, reviewed and approved: one `issue` away from effective. */
export async function approvedVersion(h: FaultHarness, office: Office): Promise<DraftVersion> {
  const draft = await createDraft(h, office);
  const steps: [string, string, FaultUser, unknown][] = [
    ['submit', 'in_review', office.drafter, {}],
    ['review', 'awaiting_approval', office.reviewer, { decision: 'approve' }],
    ['approve', 'approved', office.approver, { password: USER_PASSWORD }],
  ];
  const up = await h.request('POST', `${draft.path}/files`, {
    auth: office.drafter.auth,
    form: pdfForm(await samplePdf(draft.documentId)),
  });
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${JSON.stringify(up.body)}`);
  for (const [action, state, user, body] of steps) {
    const res = await h.request('POST', `${draft.path}/${action}`, { auth: user.auth, body });
    if (res.status !== 200 || res.body.state !== state)
      throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return draft;
}

/** Issues the version (effective from today); the answer and how long it took. */
export function issue(h: FaultHarness, office: Office, version: DraftVersion, timeoutMs = 30_000) {
  return h.request('POST', `${version.path}/issue`, {
    auth: office.secretary.auth,
    body: { password: USER_PASSWORD },
    timeoutMs,
  });
}

/** What the jobs of an issue left: the controlled copy rendered, the e-mails sent. */
export async function issueEffects(
  h: FaultHarness,
  versionId: string,
): Promise<{ copyKey: string | null; copyState: string | null; emailed: number; notifications: number }> {
  const [version] = await h.sql<{ controlled_copy_key: string | null; controlled_copy_state: string | null }>(
    `SELECT controlled_copy_key, controlled_copy_state FROM document_version WHERE id = $1`,
    [versionId],
  );
  const [mail] = await h.sql<{ total: number; emailed: number }>(
    `SELECT count(*)::int AS total, count(emailed_at)::int AS emailed FROM notification
      WHERE kind = 'document.issued'
        AND entity_id = ANY (ARRAY[$1::text, (SELECT document_id::text FROM document_version WHERE id = $1::uuid)])`,
    [versionId],
  );
  return {
    copyKey: version.controlled_copy_key,
    copyState: version.controlled_copy_state,
    emailed: mail.emailed,
    notifications: mail.total,
  };
}

/** A records file with one PDF, due for disposal, proposed in a batch: one signature away from approved. */
export async function proposedDisposal(
  h: FaultHarness,
  office: Office,
): Promise<{ disposalId: string; recordId: string; fileKeys: string[] }> {
  const suffix = randomBytes(3).toString('hex').toUpperCase();
  const type = await h.request('POST', '/api/v1/record-types', {
    auth: office.secretary.auth,
    body: {
      code: `HS-TL-${suffix}`,
      name: `Hồ sơ thử lỗi ${suffix}`,
      retentionMonths: 12,
      storagePlace: 'Kho lưu trữ Văn phòng Sở',
      responsibleOrgUnitId: office.unitId,
    },
  });
  if (type.status !== 201) throw new Error(`record type: ${type.status} ${JSON.stringify(type.body)}`);
  const record = await h.request('POST', '/api/v1/records', {
    auth: office.staff.auth,
    body: {
      recordTypeId: type.body.id,
      title: `Chứng từ ${suffix}`,
      reference: `CT-${suffix}`,
      recordDate: '2024-06-30',
    },
  });
  if (record.status !== 201) throw new Error(`record: ${record.status} ${JSON.stringify(record.body)}`);
  const recordId = record.body.id as string;
  const form = new FormData();
  form.append(
    'file',
    new Blob([new Uint8Array(await samplePdf(recordId))], { type: 'application/pdf' }),
    'ct.pdf',
  );
  const up = await h.request('POST', `/api/v1/records/${recordId}/files`, { auth: office.staff.auth, form });
  if (up.status !== 201) throw new Error(`record file: ${up.status} ${JSON.stringify(up.body)}`);
  const run = await h.request('POST', '/api/v1/admin/jobs/records.retention/run', {
    auth: office.admin.auth,
  });
  if (run.status !== 202) throw new Error(`retention run: ${run.status} ${JSON.stringify(run.body)}`);
  const due = await eventually(async () => {
    const [row] = await h.sql<{ state: string }>(`SELECT state FROM record WHERE id = $1`, [recordId]);
    return row.state === 'due_for_disposal';
  }, 20_000);
  if (!due) throw new Error(`record not due after the retention run\n${h.output()}`);
  const proposed = await h.request('POST', '/api/v1/disposals', {
    auth: office.secretary.auth,
    body: { recordIds: [recordId] },
  });
  if (proposed.status !== 201)
    throw new Error(`disposal: ${proposed.status} ${JSON.stringify(proposed.body)}`);
  const files = await h.sql<{ storage_key: string }>(
    `SELECT storage_key FROM attachment WHERE subject_type = 'record' AND subject_id = $1`,
    [recordId],
  );
  return { disposalId: proposed.body.id as string, recordId, fileKeys: files.map((f) => f.storage_key) };
}
