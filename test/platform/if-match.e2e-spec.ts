import type { OpenAPIObject } from '@nestjs/swagger';
import { Role } from '@eiso/common';
import { samplePdf } from '../support/files';
import { runRetention } from '../support/record-flow';
import { answerChecklist, auditInProgress } from '../support/audit-flow';
import { bringToReadiness } from '../support/conformity-flow';
import { FixedClock } from '../support/fixed-clock';
import { buildReviewYear, newReviewPeople } from '../support/review-data';
import { listOperations, parametersOf } from '../support/openapi-operations';
import { waitForQueuesToDrain } from '../support/queue-helpers';
import { createTestContext, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

type Rule = 'required' | 'optional' | 'none';

/**
 * Every state-changing operation and its If-Match rule (DESIGN §11): an edit of a resource's
 * fields requires it, a transition or act on a versioned resource accepts it, and an operation
 * with no version of its own to compare takes none. A new route fails the first test until it is
 * listed here, and a `required` or `optional` one fails the last until the walk below exercises it.
 */
const RULES: Record<string, Rule> = {
  'PATCH /api/v1/agencies/{id}': 'required',
  'PATCH /api/v1/agencies/{agencyId}/org-units/{unitId}': 'required',
  'PATCH /api/v1/users/{id}': 'required',
  'PATCH /api/v1/record-types/{id}': 'required',
  'PATCH /api/v1/documents/{id}/versions/{vid}': 'required',
  'POST /api/v1/documents/{id}/versions/{vid}/submit': 'optional',
  'POST /api/v1/documents/{id}/versions/{vid}/review': 'optional',
  'POST /api/v1/documents/{id}/versions/{vid}/return': 'optional',
  'POST /api/v1/documents/{id}/versions/{vid}/approve': 'optional',
  'POST /api/v1/documents/{id}/versions/{vid}/issue': 'optional',
  // The document's ETag (GET /documents/{id}), not a version's.
  'POST /api/v1/documents/{id}/withdraw': 'optional',
  'POST /api/v1/records/{id}/hold': 'optional',
  'POST /api/v1/records/{id}/release': 'optional',
  'POST /api/v1/disposals/{id}/approve': 'optional',
  'POST /api/v1/disposals/{id}/reject': 'optional',
  // Creations: nothing exists yet to be stale.
  'POST /api/v1/agencies': 'none',
  'POST /api/v1/agencies/import': 'none',
  'POST /api/v1/agencies/{agencyId}/org-units': 'none',
  'POST /api/v1/users': 'none',
  'POST /api/v1/record-types': 'none',
  'POST /api/v1/records': 'none',
  // audit programmes, audits and checklist (H5)
  'PATCH /api/v1/audit-programmes/{id}': 'required',
  'PATCH /api/v1/audits/{id}': 'required',
  'POST /api/v1/audits/{id}/issue-plan': 'optional',
  'POST /api/v1/audits/{id}/start': 'optional',
  // The item's ETag (GET /audits/{id}/checklist/{itemId}), not the audit's.
  'PATCH /api/v1/audits/{id}/checklist/{itemId}': 'required',
  'POST /api/v1/audit-programmes': 'none',
  'POST /api/v1/audits': 'none',
  // Evidence files have no version; the audit's state (in progress) refuses them afterwards.
  'POST /api/v1/audits/{id}/checklist/{itemId}/files': 'none',
  'DELETE /api/v1/audits/{id}/checklist/{itemId}/files/{fid}': 'none',
  // audit findings and report (H6)
  'PATCH /api/v1/audits/{id}/findings/{findingId}': 'required',
  // The audit's ETag (GET /audits/{id}): signing the report and closing are transitions of the audit.
  'POST /api/v1/audits/{id}/report': 'optional',
  'POST /api/v1/audits/{id}/close': 'optional',
  'POST /api/v1/audits/{id}/findings': 'none',
  // A finding and its files go only while the audit is in progress; the audit's state refuses them after.
  'DELETE /api/v1/audits/{id}/findings/{findingId}': 'none',
  'POST /api/v1/audits/{id}/findings/{findingId}/files': 'none',
  'DELETE /api/v1/audits/{id}/findings/{findingId}/files/{fid}': 'none',
  // nonconformities (H2)
  'PATCH /api/v1/nonconformities/{id}': 'required',
  'POST /api/v1/nonconformities': 'none',
  'POST /api/v1/nonconformities/late-dossiers': 'none',
  // corrective actions (H3)
  'PATCH /api/v1/corrective-actions/{id}': 'required',
  'POST /api/v1/corrective-actions/{id}/plan': 'optional',
  'POST /api/v1/corrective-actions/{id}/start': 'optional',
  'POST /api/v1/corrective-actions/{id}/verification': 'optional',
  // The action's ETag (GET /corrective-actions/{id}/actions/{actionId}), not the corrective action's.
  'PATCH /api/v1/corrective-actions/{id}/actions/{actionId}': 'required',
  'POST /api/v1/corrective-actions/{id}/actions/{actionId}/done': 'optional',
  'POST /api/v1/corrective-actions': 'none',
  'POST /api/v1/corrective-actions/{id}/actions': 'none',
  // An action goes, and its evidence changes, only while it is not done; its state refuses them after.
  'DELETE /api/v1/corrective-actions/{id}/actions/{actionId}': 'none',
  'POST /api/v1/corrective-actions/{id}/actions/{actionId}/files': 'none',
  'DELETE /api/v1/corrective-actions/{id}/actions/{actionId}/files/{fileId}': 'none',
  // --- objectives ---
  'PATCH /api/v1/objectives/{id}': 'required',
  'POST /api/v1/objectives/{id}/withdraw': 'optional',
  // The measurement's ETag (GET /objectives/{id}/measurements/{measurementId}), not the objective's.
  'PATCH /api/v1/objectives/{id}/measurements/{measurementId}': 'required',
  'POST /api/v1/objectives': 'none',
  // One figure per period (409 for a second); the import and the nonconformity answer the state they find.
  'POST /api/v1/objectives/{id}/measurements': 'none',
  'POST /api/v1/objectives/{id}/measurements/import': 'none',
  'POST /api/v1/objectives/{id}/measurements/{measurementId}/nonconformity': 'none',
  'POST /api/v1/objectives/{id}/measurements/{measurementId}/files': 'none',
  'DELETE /api/v1/objectives/{id}/measurements/{measurementId}/files/{fileId}': 'none',
  // risks (issue 15)
  'PATCH /api/v1/risks/{id}': 'required',
  'POST /api/v1/risks/{id}/assessments': 'optional',
  'POST /api/v1/risks/{id}/close': 'optional',
  'POST /api/v1/risks/{id}/reopen': 'optional',
  'POST /api/v1/risks': 'none',
  'POST /api/v1/records/{id}/files': 'none',
  'POST /api/v1/disposals': 'none',
  'POST /api/v1/documents': 'none',
  'POST /api/v1/documents/{id}/versions': 'none',
  'POST /api/v1/documents/{id}/versions/{vid}/acknowledgements': 'none',
  // A draft's files are parts of the draft with no version; the draft's state refuses them after submit.
  'POST /api/v1/documents/{id}/versions/{vid}/files': 'none',
  'DELETE /api/v1/documents/{id}/versions/{vid}/files/{fid}': 'none',
  // A job started again for the file's content: nothing of the version changes.
  'POST /api/v1/documents/{id}/versions/{vid}/files/{fid}/content/retry': 'none',
  // --- management reviews ---
  'PATCH /api/v1/management-reviews/{id}': 'required',
  'POST /api/v1/management-reviews/{id}/compile': 'optional',
  'POST /api/v1/management-reviews/{id}/hold': 'optional',
  'POST /api/v1/management-reviews/{id}/sign': 'optional',
  // The action's ETag (GET /management-reviews/{id}/actions/{actionId}), not the review's.
  'PATCH /api/v1/management-reviews/{id}/actions/{actionId}': 'required',
  'POST /api/v1/management-reviews/{id}/actions/{actionId}/done': 'optional',
  'POST /api/v1/management-reviews': 'none',
  'POST /api/v1/management-reviews/{id}/actions': 'none',
  'POST /api/v1/management-reviews/{id}/actions/{actionId}/files': 'none',
  'DELETE /api/v1/management-reviews/{id}/actions/{actionId}/files/{fileId}': 'none',
  // conformity declarations (issue 16)
  'PATCH /api/v1/conformity/declarations/{id}': 'required',
  'POST /api/v1/conformity/declarations/{id}/sign': 'optional',
  'POST /api/v1/conformity/declarations/{id}/submit': 'optional',
  'POST /api/v1/conformity/declarations/{id}/acknowledge': 'optional',
  'POST /api/v1/conformity/declarations': 'none',
  // Only a draft goes; its state refuses it once signed.
  'DELETE /api/v1/conformity/declarations/{id}': 'none',
  // Restructuring locks the agencies it changes; the preview changes nothing.
  'POST /api/v1/agencies/restructure': 'none',
  'POST /api/v1/agencies/restructure/preview': 'none',
  // Sessions, one's own password, one's own inbox and the job runner keep no version.
  'POST /api/v1/auth/login': 'none',
  'POST /api/v1/auth/refresh': 'none',
  'POST /api/v1/auth/logout': 'none',
  'POST /api/v1/me/password': 'none',
  'POST /api/v1/notifications/{id}/read': 'none',
  'POST /api/v1/admin/jobs/runs/{runId}/retry': 'none',
  'POST /api/v1/admin/jobs/{name}/run': 'none',
  'POST /api/v1/admin/queues/session': 'none',
};

const STALE = '"999"';

describe('If-Match on every state-changing route', () => {
  const clock = new FixedClock(new Date('2027-01-10T02:00:00Z'));
  let ctx: TestContext;
  let document: OpenAPIObject;
  let agencyId: string;
  let unitId: string;
  let drafter: TestUser;
  let reviewer: TestUser;
  let approver: TestUser;
  let secretary: TestUser;
  const walked = new Set<string>();

  const send = (user: TestUser, method: 'post' | 'patch', path: string, body: object, ifMatch?: string) => {
    const req = ctx.http()[method](`/api/v1${path}`).set('Authorization', user.auth);
    return (ifMatch === undefined ? req : req.set('If-Match', ifMatch)).send(body);
  };
  const versionOf = async (user: TestUser, path: string): Promise<number> => {
    const res = await ctx.http().get(`/api/v1${path}`).set('Authorization', user.auth);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    return res.body.version as number;
  };

  /**
   * One route under its rule: a stale If-Match answers 412 and changes nothing, a required one
   * answers 428 without it, and the right one (or none, where optional) goes through with the
   * resource's new ETag.
   */
  async function walk(
    route: string,
    user: TestUser,
    method: 'post' | 'patch',
    path: string,
    body: object,
    resource: string,
    options: { sendCurrent?: boolean } = {},
  ): Promise<Record<string, unknown>> {
    const rule = RULES[route];
    expect(rule === 'required' || rule === 'optional').toBe(true);
    const before = await versionOf(user, resource);
    const stale = await send(user, method, path, body, STALE);
    expect({ route, status: stale.status, code: stale.body.code }).toEqual({
      route,
      status: 412,
      code: 'PRECONDITION_FAILED',
    });
    expect(await versionOf(user, resource)).toBe(before);
    if (rule === 'required') {
      const missing = await send(user, method, path, body);
      expect({ route, status: missing.status, code: missing.body.code }).toEqual({
        route,
        status: 428,
        code: 'PRECONDITION_REQUIRED',
      });
      expect(await versionOf(user, resource)).toBe(before);
    }
    const sendCurrent = rule === 'required' || options.sendCurrent !== false;
    const done = await send(user, method, path, body, sendCurrent ? `"${before}"` : undefined);
    expect({ route, status: done.status }).toEqual({ route, status: 200 });
    walked.add(route);
    return done.body as Record<string, unknown>;
  }

  beforeAll(async () => {
    ctx = await createTestContext({}, { worker: true, clock });
    document = (await ctx.http().get('/api/docs-json').expect(200)).body as OpenAPIObject;
    agencyId = (await ctx.newAgency({ name: 'Sở Tư pháp' })).id;
    unitId = (await ctx.newOrgUnit(agencyId, 'Văn phòng Sở')).id;
    drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId });
    reviewer = await ctx.newUser({ roles: [Role.Reviewer], agencyId });
    approver = await ctx.newUser({ roles: [Role.Approver], agencyId, position: 'Giám đốc Sở' });
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId, position: 'Chánh Văn phòng' });
  });
  afterAll(async () => {
    await waitForQueuesToDrain(ctx.worker!);
    await ctx.close();
  });

  it('classifies every state-changing operation of the OpenAPI document', () => {
    const changing = listOperations(document)
      .filter((o) => ['post', 'put', 'patch', 'delete'].includes(o.method))
      .map((o) => o.label)
      .sort();
    expect(changing).toEqual(Object.keys(RULES).sort());
  });

  it('documents If-Match as the server reads it: required only where it answers 428', () => {
    const documented = listOperations(document)
      .filter((o) => RULES[o.label])
      .map((o) => {
        const header = parametersOf(o.operation).find((p) => p.in === 'header' && /^if-match$/i.test(p.name));
        return {
          route: o.label,
          header: header ? (header.required ? 'required' : 'optional') : 'none',
          responds412: '412' in o.operation.responses,
          responds428: '428' in o.operation.responses,
        };
      });
    expect(documented).toEqual(
      documented.map((d) => ({
        ...d,
        header: RULES[d.route],
        // A route that reads If-Match documents its 412; one that requires it, its 428 too.
        responds412: RULES[d.route] === 'none' ? d.responds412 : true,
        responds428: RULES[d.route] === 'required',
      })),
    );
  });

  it('edits of fields require If-Match: agency, org unit, user, record type', async () => {
    const agency = await walk(
      'PATCH /api/v1/agencies/{id}',
      ctx.admin,
      'patch',
      `/agencies/${agencyId}`,
      { name: 'Sở Tư pháp tỉnh Kon Tum' },
      `/agencies/${agencyId}`,
    );
    expect(agency.name).toBe('Sở Tư pháp tỉnh Kon Tum');
    await walk(
      'PATCH /api/v1/agencies/{agencyId}/org-units/{unitId}',
      ctx.admin,
      'patch',
      `/agencies/${agencyId}/org-units/${unitId}`,
      { name: 'Văn phòng' },
      `/agencies/${agencyId}/org-units/${unitId}`,
    );
    await walk(
      'PATCH /api/v1/users/{id}',
      ctx.admin,
      'patch',
      `/users/${drafter.id}`,
      { position: 'Chuyên viên' },
      `/users/${drafter.id}`,
    );
  });

  it('walks a document through every transition, each refusing a stale If-Match', async () => {
    const created = await send(drafter, 'post', '/documents', {
      code: 'QT-IFM-01',
      title: 'Quy trình thử If-Match',
      type: 'procedure',
    });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe(`"${created.body.version}"`);
    const id = created.body.id as string;
    const vid = (await ctx.http().get(`/api/v1/documents/${id}/versions`).set('Authorization', drafter.auth))
      .body[0].id as string;
    const v = `/documents/${id}/versions/${vid}`;
    await walk(
      'PATCH /api/v1/documents/{id}/versions/{vid}',
      drafter,
      'patch',
      v,
      { changeSummary: 'Bản đầu' },
      v,
    );
    const upload = await ctx
      .http()
      .post(`/api/v1${v}/files`)
      .set('Authorization', drafter.auth)
      .field('kind', 'primary')
      .attach('file', await samplePdf('QT-IFM-01'), 'quy-trinh.pdf');
    expect(upload.status).toBe(201);

    await walk('POST /api/v1/documents/{id}/versions/{vid}/submit', drafter, 'post', `${v}/submit`, {}, v);
    await walk(
      'POST /api/v1/documents/{id}/versions/{vid}/review',
      reviewer,
      'post',
      `${v}/review`,
      { decision: 'approve' },
      v,
    );
    const returned = await walk(
      'POST /api/v1/documents/{id}/versions/{vid}/return',
      approver,
      'post',
      `${v}/return`,
      { comment: 'Bổ sung lưu đồ.' },
      v,
    );
    expect(returned.state).toBe('draft');
    // Optional means optional: the same transitions without If-Match.
    expect((await send(drafter, 'post', `${v}/submit`, {})).status).toBe(200);
    expect((await send(reviewer, 'post', `${v}/review`, { decision: 'approve' })).status).toBe(200);
    await walk(
      'POST /api/v1/documents/{id}/versions/{vid}/approve',
      approver,
      'post',
      `${v}/approve`,
      { password: USER_PASSWORD },
      v,
    );
    const issued = await walk(
      'POST /api/v1/documents/{id}/versions/{vid}/issue',
      secretary,
      'post',
      `${v}/issue`,
      { password: USER_PASSWORD },
      v,
    );
    expect(issued.state).toBe('effective');
    const withdrawn = await walk(
      'POST /api/v1/documents/{id}/withdraw',
      approver,
      'post',
      `/documents/${id}/withdraw`,
      { password: USER_PASSWORD, reason: 'Thay bằng quy trình liên thông.' },
      `/documents/${id}`,
    );
    expect(withdrawn.state).toBe('obsolete');
  });

  it('holds, releases, rejects and approves disposal only against the version read', async () => {
    const type = await send(secretary, 'post', '/record-types', {
      code: 'HS-IFM-01',
      name: 'Hồ sơ thử If-Match',
      retentionMonths: 12,
      storagePlace: 'Kho lưu trữ',
      responsibleOrgUnitId: unitId,
    });
    expect(type.status).toBe(201);
    await walk(
      'PATCH /api/v1/record-types/{id}',
      secretary,
      'patch',
      `/record-types/${type.body.id}`,
      { storagePlace: 'Kho lưu trữ Văn phòng Sở' },
      `/record-types/${type.body.id}`,
    );
    const fileRecord = async (reference: string) => {
      const res = await send(secretary, 'post', '/records', {
        recordTypeId: type.body.id,
        title: `Chứng từ ${reference}`,
        reference,
        recordDate: '2025-03-31',
      });
      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe(`"${res.body.version}"`);
      return res.body.id as string;
    };
    const [held, rejected, approved] = [
      await fileRecord('IFM-1'),
      await fileRecord('IFM-2'),
      await fileRecord('IFM-3'),
    ];
    await runRetention(ctx);

    const r = `/records/${held}`;
    const onHold = await walk(
      'POST /api/v1/records/{id}/hold',
      secretary,
      'post',
      `${r}/hold`,
      { reason: 'Thanh tra' },
      r,
    );
    expect(onHold).toMatchObject({ onHold: true, hold: { reason: 'Thanh tra' } });
    const lifted = await walk('POST /api/v1/records/{id}/release', secretary, 'post', `${r}/release`, {}, r, {
      sendCurrent: false,
    });
    expect(lifted).toMatchObject({ onHold: false, hold: null });

    const propose = async (recordId: string) => {
      const res = await send(secretary, 'post', '/disposals', { recordIds: [recordId] });
      expect(res.status).toBe(201);
      return `/disposals/${res.body.id}`;
    };
    const first = await propose(rejected);
    const refusal = await walk(
      'POST /api/v1/disposals/{id}/reject',
      approver,
      'post',
      `${first}/reject`,
      { reason: 'Chưa đủ' },
      first,
    );
    expect(refusal.state).toBe('rejected');
    const second = await propose(approved);
    const signed = await walk(
      'POST /api/v1/disposals/{id}/approve',
      approver,
      'post',
      `${second}/approve`,
      { password: USER_PASSWORD },
      second,
    );
    expect(signed.state).toBe('approved');
  });

  it('edits a nonconformity only against the version read', async () => {
    const raised = await send(secretary, 'post', '/nonconformities', {
      source: 'self',
      severity: 'minor',
      title: 'Sổ theo dõi công văn đến ghi thiếu',
      description: 'Sổ theo dõi công văn đến tháng 12 thiếu 3 văn bản.',
    });
    expect(raised.status).toBe(201);
    expect(raised.headers.etag).toBe(`"${raised.body.version}"`);
    const n = `/nonconformities/${raised.body.id}`;
    const edited = await walk(
      'PATCH /api/v1/nonconformities/{id}',
      secretary,
      'patch',
      n,
      { severity: 'major' },
      n,
    );
    expect(edited.severity).toBe('major');
  });

  it('plans, issues, starts and answers an audit only against the version read', async () => {
    const lead = await ctx.newUser({ roles: [Role.Auditor], agencyId, fullName: 'Trưởng đoàn If-Match' });
    const programme = await send(secretary, 'post', '/audit-programmes', {
      year: 2027,
      title: 'Chương trình đánh giá nội bộ năm 2027',
      objectives: 'Đánh giá sự phù hợp của HTQLCL',
      criteria: 'TCVN ISO 9001:2015',
      entries: [{ orgUnitId: unitId, riskLevel: 'medium', auditsPerYear: 1, plannedMonths: [6] }],
    });
    expect(programme.status).toBe(201);
    expect(programme.headers.etag).toBe(`"${programme.body.version}"`);
    const p = `/audit-programmes/${programme.body.id}`;
    await walk(
      'PATCH /api/v1/audit-programmes/{id}',
      secretary,
      'patch',
      p,
      { criteria: 'TCVN ISO 9001:2015 và quy chế của Sở' },
      p,
    );
    const audit = await send(secretary, 'post', '/audits', {
      programmeId: programme.body.id,
      title: 'Đánh giá nội bộ tháng 6',
      orgUnitIds: [unitId],
      clauses: ['9.2'],
      procedureDocumentIds: [],
      startDate: '2027-06-01',
      endDate: '2027-06-02',
      leadAuditorId: lead.id,
      teamIds: [],
    });
    expect(audit.status).toBe(201);
    const a = `/audits/${audit.body.id}`;
    await walk('PATCH /api/v1/audits/{id}', secretary, 'patch', a, { endDate: '2027-06-03' }, a);
    await walk('POST /api/v1/audits/{id}/issue-plan', secretary, 'post', `${a}/issue-plan`, {}, a);
    const started = await walk('POST /api/v1/audits/{id}/start', lead, 'post', `${a}/start`, {}, a, {
      sendCurrent: false,
    });
    expect(started.state).toBe('in_progress');
    const checklist = await ctx.http().get(`/api/v1${a}/checklist`).set('Authorization', lead.auth);
    const item = `${a}/checklist/${checklist.body.items[0].id}`;
    const answered = await walk(
      'PATCH /api/v1/audits/{id}/checklist/{itemId}',
      lead,
      'patch',
      item,
      { answer: 'conform', notes: 'Đã kiểm tra' },
      item,
    );
    expect(answered.answer).toBe('conform');
  });

  it('edits a finding, signs the report and closes the audit only against the version read', async () => {
    // An agency of its own: one audit programme per agency and year.
    const own = await ctx.newAgency({ name: 'Sở Tài chính', abbreviation: 'STC' });
    const unit = await ctx.newOrgUnit(own.id, 'Phòng Ngân sách');
    const planner = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: own.id });
    const lead = await ctx.newUser({ roles: [Role.Auditor], agencyId: own.id, position: 'Chánh Thanh tra' });
    const { auditId, items } = await auditInProgress(ctx, planner, {
      orgUnitIds: [unit.id],
      clauses: ['9.2'],
      lead,
    });
    await answerChecklist(ctx, lead, auditId, items);
    const a = `/audits/${auditId}`;
    const created = await send(lead, 'post', `${a}/findings`, {
      type: 'observation',
      clause: '9.2',
      statement: 'Chưa lưu biên bản họp khai mạc đánh giá.',
    });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe(`"${created.body.version}"`);
    const f = `${a}/findings/${created.body.id}`;
    await walk(
      'PATCH /api/v1/audits/{id}/findings/{findingId}',
      lead,
      'patch',
      f,
      { evidence: 'Hồ sơ đánh giá' },
      f,
    );
    const reported = await walk(
      'POST /api/v1/audits/{id}/report',
      lead,
      'post',
      `${a}/report`,
      { conclusion: 'Hệ thống được duy trì phù hợp.', password: USER_PASSWORD },
      a,
    );
    expect(reported.state).toBe('reported');
    const closed = await walk('POST /api/v1/audits/{id}/close', planner, 'post', `${a}/close`, {}, a, {
      sendCurrent: false,
    });
    expect(closed.state).toBe('closed');
  });

  it('edits, plans, starts, reports and verifies a corrective action only against the version read', async () => {
    const verifier = await ctx.newUser({
      roles: [Role.Auditor],
      agencyId,
      fullName: 'Người kiểm tra If-Match',
    });
    const raised = await send(secretary, 'post', '/nonconformities', {
      source: 'self',
      severity: 'major',
      title: 'Hồ sơ một cửa trả trễ hẹn',
      description: 'Hai hồ sơ trả kết quả trễ hẹn trong tháng 12.',
    });
    expect(raised.status).toBe(201);
    const created = await send(secretary, 'post', '/corrective-actions', {
      nonconformityId: raised.body.id,
      rootCause: 'Chưa theo dõi thời hạn.',
    });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe(`"${created.body.version}"`);
    const c = `/corrective-actions/${created.body.id}`;
    const edited = await walk(
      'PATCH /api/v1/corrective-actions/{id}',
      secretary,
      'patch',
      c,
      { verifierId: verifier.id },
      c,
    );
    expect(edited.verifierId).toBe(verifier.id);
    const added = await send(secretary, 'post', `${c}/actions`, {
      description: 'Lập sổ theo dõi thời hạn',
      ownerId: drafter.id,
      dueDate: '2027-01-31',
    });
    expect(added.status).toBe(201);
    expect(added.headers.etag).toBe(`"${added.body.version}"`);
    const a = `${c}/actions/${added.body.id}`;
    await walk(
      'PATCH /api/v1/corrective-actions/{id}/actions/{actionId}',
      secretary,
      'patch',
      a,
      { dueDate: '2027-02-15' },
      a,
    );
    await walk('POST /api/v1/corrective-actions/{id}/plan', secretary, 'post', `${c}/plan`, {}, c);
    await walk('POST /api/v1/corrective-actions/{id}/start', secretary, 'post', `${c}/start`, {}, c);
    const done = await walk(
      'POST /api/v1/corrective-actions/{id}/actions/{actionId}/done',
      drafter,
      'post',
      `${a}/done`,
      { note: 'Đã lập sổ.' },
      a,
    );
    expect(done.correctiveAction).toMatchObject({ state: 'verifying' });
    const checked = await walk(
      'POST /api/v1/corrective-actions/{id}/verification',
      verifier,
      'post',
      `${c}/verification`,
      { effective: false, reason: 'Vẫn còn hồ sơ trễ hẹn.' },
      c,
    );
    expect(checked).toMatchObject({ state: 'in_progress', round: 2 });
  });

  // --- objectives ---
  it('edits and withdraws an objective, and corrects a figure, only against the version read', async () => {
    const head = await ctx.newUser({ roles: [Role.Reviewer], agencyId, orgUnitId: unitId });
    const created = await send(secretary, 'post', '/objectives', {
      year: 2026,
      statement: '≥ 98% hồ sơ TTHC giải quyết đúng hạn',
      kpiName: 'Tỷ lệ hồ sơ đúng hạn',
      unit: '%',
      direction: 'at_least',
      target: 98,
      frequency: 'monthly',
      ownerOrgUnitId: unitId,
    });
    expect(created.status).toBe(201);
    const o = `/objectives/${created.body.id}`;
    const edited = await walk('PATCH /api/v1/objectives/{id}', secretary, 'patch', o, { target: 97 }, o);
    expect(edited.target).toBe(97);
    const m = await send(head, 'post', `${o}/measurements`, { period: '2026-12', value: 96 });
    expect(m.status).toBe(201);
    const mPath = `${o}/measurements/${m.body.id}`;
    const fixed = await walk(
      'PATCH /api/v1/objectives/{id}/measurements/{measurementId}',
      head,
      'patch',
      mPath,
      { value: 97.5 },
      mPath,
    );
    expect(fixed.value).toBe(97.5);
    const withdrawn = await walk(
      'POST /api/v1/objectives/{id}/withdraw',
      secretary,
      'post',
      `${o}/withdraw`,
      { reason: 'Thay bằng mục tiêu mới' },
      o,
    );
    expect(withdrawn.state).toBe('withdrawn');
  });

  it('edits, re-assesses, closes and reopens a risk only against the version read', async () => {
    const created = await send(secretary, 'post', '/risks', {
      kind: 'risk',
      context: 'internal_issue',
      description: 'Hồ sơ trả kết quả trễ hạn',
      likelihood: 3,
      impact: 4,
      treatment: 'Bố trí thêm cán bộ',
      ownerOrgUnitId: unitId,
      reviewDate: '2027-06-30',
    });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe(`"${created.body.version}"`);
    const r = `/risks/${created.body.id}`;
    const edited = await walk(
      'PATCH /api/v1/risks/{id}',
      secretary,
      'patch',
      r,
      { treatment: 'Trực cao điểm' },
      r,
    );
    expect(edited.treatment).toBe('Trực cao điểm');
    // A re-assessment answers 201 (a new history row): walked here rather than by walk().
    const stale = await send(
      secretary,
      'post',
      `${r}/assessments`,
      { likelihood: 2, impact: 2, note: 'Giảm' },
      STALE,
    );
    expect({ status: stale.status, code: stale.body.code }).toEqual({
      status: 412,
      code: 'PRECONDITION_FAILED',
    });
    expect(await versionOf(secretary, r)).toBe(2);
    const assessed = await send(
      secretary,
      'post',
      `${r}/assessments`,
      { likelihood: 2, impact: 2, note: 'Giảm' },
      '"2"',
    );
    expect(assessed.status).toBe(201);
    expect(assessed.headers.etag).toBe('"3"');
    walked.add('POST /api/v1/risks/{id}/assessments');
    const closed = await walk(
      'POST /api/v1/risks/{id}/close',
      secretary,
      'post',
      `${r}/close`,
      { reason: 'Đã xử lý' },
      r,
    );
    expect(closed.state).toBe('closed');
    const reopened = await walk(
      'POST /api/v1/risks/{id}/reopen',
      secretary,
      'post',
      `${r}/reopen`,
      { reason: 'Xuất hiện lại' },
      r,
      { sendCurrent: false },
    );
    expect(reopened.state).toBe('open');
  });

  // --- management reviews ---
  it('edits, recompiles, holds and signs a management review and its actions only against the version read', async () => {
    const created = await send(secretary, 'post', '/management-reviews', {
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      meetingDate: '2027-01-10',
      chairId: approver.id,
      attendeeIds: [secretary.id],
    });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe(`"${created.body.version}"`);
    const r = `/management-reviews/${created.body.id}`;
    const edited = await walk(
      'PATCH /api/v1/management-reviews/{id}',
      secretary,
      'patch',
      r,
      { customerFeedback: 'Người dân hài lòng.' },
      r,
    );
    expect(edited.manualInputs).toMatchObject({ customerFeedback: 'Người dân hài lòng.' });
    await walk('POST /api/v1/management-reviews/{id}/compile', secretary, 'post', `${r}/compile`, {}, r);
    const held = await walk(
      'POST /api/v1/management-reviews/{id}/hold',
      secretary,
      'post',
      `${r}/hold`,
      { conclusions: { suitability: 'Phù hợp.', adequacy: 'Thỏa đáng.', effectiveness: 'Có hiệu lực.' } },
      r,
    );
    expect(held.state).toBe('held');
    const added = await send(secretary, 'post', `${r}/actions`, {
      kind: 'improvement',
      description: 'Số hóa sổ theo dõi',
      ownerId: reviewer.id,
      dueDate: '2027-03-31',
    });
    expect(added.status).toBe(201);
    const a = `${r}/actions/${added.body.id}`;
    await walk(
      'PATCH /api/v1/management-reviews/{id}/actions/{actionId}',
      secretary,
      'patch',
      a,
      { dueDate: '2027-04-30' },
      a,
    );
    const done = await walk(
      'POST /api/v1/management-reviews/{id}/actions/{actionId}/done',
      reviewer,
      'post',
      `${a}/done`,
      { note: 'Đã số hóa.' },
      a,
    );
    expect(done.state).toBe('done');
    const signed = await walk(
      'POST /api/v1/management-reviews/{id}/sign',
      approver,
      'post',
      `${r}/sign`,
      { password: USER_PASSWORD },
      r,
    );
    expect(signed.state).toBe('signed');
  });

  // --- conformity declarations (last: the agency's year of quality data moves the clock on) ---
  it('edits, signs, submits and acknowledges a declaration only against the version read', async () => {
    const people = await newReviewPeople(ctx, 'Sở Y tế', 'SYT');
    const data = await buildReviewYear(ctx, clock, people, 2026);
    await bringToReadiness(ctx, clock, people, data, { on: '2027-04-20', tthcCodes: ['1.000948'] });
    const overseer = await ctx.newUser({ roles: [Role.Overseer], agencyId });
    const created = await send(people.secretary, 'post', '/conformity/declarations', {
      tthcCodes: ['1.000948'],
    });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe(`"${created.body.version}"`);
    const d = `/conformity/declarations/${created.body.id}`;
    const edited = await walk(
      'PATCH /api/v1/conformity/declarations/{id}',
      people.secretary,
      'patch',
      d,
      { legalBases: ['Luật Tổ chức chính quyền địa phương'] },
      d,
    );
    expect(edited.legalBases).toEqual(['Luật Tổ chức chính quyền địa phương']);
    const signed = await walk(
      'POST /api/v1/conformity/declarations/{id}/sign',
      people.chair,
      'post',
      `${d}/sign`,
      { password: USER_PASSWORD },
      d,
    );
    expect(signed.state).toBe('signed');
    await walk(
      'POST /api/v1/conformity/declarations/{id}/submit',
      people.secretary,
      'post',
      `${d}/submit`,
      {},
      d,
    );
    const acknowledged = await walk(
      'POST /api/v1/conformity/declarations/{id}/acknowledge',
      overseer,
      'post',
      `${d}/acknowledge`,
      {},
      d,
      { sendCurrent: false },
    );
    expect(acknowledged.state).toBe('acknowledged');
  });

  it('walked every route that reads If-Match', () => {
    const reading = Object.keys(RULES).filter((route) => RULES[route] !== 'none');
    expect([...walked].sort()).toEqual(reading.sort());
  });
});
