import { Role } from '@eiso/common';
import { objectKeys } from '../support/s3-objects';
import { createTestContext, TestAgency, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';
import { disguisedExe, samplePdf } from '../support/files';

/** Every refusal the issue names, and that each leaves nothing behind. */
describe('document control refusals', () => {
  let ctx: TestContext;
  let agencyA: TestAgency;
  let agencyB: TestAgency;
  let drafterA: TestUser;
  let multiRoleA: TestUser;
  let reviewerA: TestUser;
  let approverA: TestUser;
  let secretaryA: TestUser;
  let reviewerB: TestUser;
  let overseer: TestUser;

  const http = (user: TestUser) => ({
    get: (path: string) => ctx.http().get(`/api/v1${path}`).set('Authorization', user.auth),
    post: (path: string, body: object = {}) =>
      ctx.http().post(`/api/v1${path}`).set('Authorization', user.auth).send(body),
    upload: (path: string, kind: string, name: string, bytes: Buffer) =>
      ctx
        .http()
        .post(`/api/v1${path}`)
        .set('Authorization', user.auth)
        .field('kind', kind)
        .attach('file', bytes, name),
  });

  /** A document of agency A taken as far as `until`. */
  const documentAt = async (until: 'draft' | 'in_review' | 'approved' | 'effective', author = drafterA) => {
    const code = `QT-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    const created = await http(author).post('/documents', {
      code,
      title: `Quy trình ${code}`,
      type: 'procedure',
    });
    const id = created.body.id as string;
    const vid = created.body.currentVersion.id as string;
    const path = `/documents/${id}/versions/${vid}`;
    if (until === 'draft') return { id, vid, path };
    await http(author).upload(`${path}/files`, 'primary', 'quy-trinh.pdf', await samplePdf(code));
    await http(author).post(`${path}/submit`);
    if (until === 'in_review') return { id, vid, path };
    await http(reviewerA).post(`${path}/review`, { decision: 'approve' });
    await http(approverA).post(`${path}/approve`, { password: USER_PASSWORD });
    if (until === 'approved') return { id, vid, path };
    await http(secretaryA).post(`${path}/issue`, { password: USER_PASSWORD });
    return { id, vid, path };
  };

  beforeAll(async () => {
    ctx = await createTestContext({ MAX_UPLOAD_MB: '1' });
    agencyA = await ctx.newAgency({ name: 'Sở Tư pháp' });
    agencyB = await ctx.newAgency({ name: 'Sở Y tế' });
    const science = await ctx.newAgency({ name: 'Sở Khoa học và Công nghệ' });
    drafterA = await ctx.newUser({ roles: [Role.Drafter], agencyId: agencyA.id });
    multiRoleA = await ctx.newUser({
      roles: [Role.Drafter, Role.Reviewer, Role.Approver],
      agencyId: agencyA.id,
    });
    reviewerA = await ctx.newUser({ roles: [Role.Reviewer], agencyId: agencyA.id });
    approverA = await ctx.newUser({ roles: [Role.Approver], agencyId: agencyA.id });
    secretaryA = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agencyA.id });
    reviewerB = await ctx.newUser({ roles: [Role.Reviewer], agencyId: agencyB.id });
    overseer = await ctx.newUser({ roles: [Role.Overseer], agencyId: science.id });
  });
  afterAll(() => ctx.close());

  it('refuses the author reviewing or approving their own version', async () => {
    const doc = await documentAt('in_review', multiRoleA);
    const review = await http(multiRoleA).post(`${doc.path}/review`, { decision: 'approve' });
    expect(review.status).toBe(403);
    expect(review.body.code).toBe('DOCUMENT_SELF_REVIEW');
    await http(reviewerA).post(`${doc.path}/review`, { decision: 'approve' });
    const approve = await http(multiRoleA).post(`${doc.path}/approve`, { password: USER_PASSWORD });
    expect(approve.status).toBe(403);
    expect(approve.body.code).toBe('DOCUMENT_SELF_REVIEW');
    expect((await http(multiRoleA).get(doc.path)).body.state).toBe('awaiting_approval');
  });

  it('answers 404 to a reviewer of another agency, and to the overseer for drafts', async () => {
    const doc = await documentAt('in_review');
    for (const res of [
      await http(reviewerB).get(`/documents/${doc.id}`),
      await http(reviewerB).get(doc.path),
      await http(reviewerB).post(`${doc.path}/review`, { decision: 'approve' }),
    ]) {
      expect(res.status).toBe(404);
      expect(['DOCUMENT_NOT_FOUND', 'DOCUMENT_VERSION_NOT_FOUND']).toContain(res.body.code);
    }
    expect(
      (await http(reviewerB).get('/documents?pageSize=100')).body.items.map((d: { id: string }) => d.id),
    ).not.toContain(doc.id);
    expect((await http(overseer).get(`/documents/${doc.id}`)).status).toBe(404);
    expect((await http(overseer).get(doc.path)).status).toBe(404);

    const issued = await documentAt('effective');
    expect((await http(overseer).get(`/documents/${issued.id}`)).status).toBe(200);
    const list = await http(overseer).get('/documents?pageSize=100');
    expect(list.body.items.map((d: { id: string }) => d.id)).toContain(issued.id);
    expect(list.body.items.map((d: { id: string }) => d.id)).not.toContain(doc.id);
    expect(
      (await http(overseer).post(`/documents`, { code: 'X-1', title: 'Không được', type: 'form' })).status,
    ).toBe(403);
  });

  it('refuses an oversized file with 413 and keeps neither row nor object', async () => {
    const doc = await documentAt('draft');
    const big = Buffer.concat([await samplePdf('lon'), Buffer.alloc(1024 * 1024 + 10, 32)]);
    const res = await http(drafterA).upload(`${doc.path}/files`, 'primary', 'qua-lon.pdf', big);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(
      await ctx.sql(`SELECT id FROM attachment WHERE subject_type = 'document_version' AND subject_id = $1`, [
        doc.vid,
      ]),
    ).toEqual([]);
    expect(await objectKeys(ctx.config, `agency/${agencyA.id}/documents/${doc.id}/`)).toEqual([]);
  });

  it('refuses an .exe renamed .pdf with 415 and keeps neither row nor object', async () => {
    const doc = await documentAt('draft');
    const res = await http(drafterA).upload(
      `${doc.path}/files`,
      'attachment',
      'quy-trinh.pdf',
      disguisedExe(),
    );
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(
      await ctx.sql(`SELECT id FROM attachment WHERE subject_type = 'document_version' AND subject_id = $1`, [
        doc.vid,
      ]),
    ).toEqual([]);
    expect(await objectKeys(ctx.config, `agency/${agencyA.id}/documents/${doc.id}/`)).toEqual([]);
  });

  it('refuses submit without a primary file and actions out of order', async () => {
    const doc = await documentAt('draft');
    const submit = await http(drafterA).post(`${doc.path}/submit`);
    expect(submit.status).toBe(422);
    expect(submit.body.code).toBe('DOCUMENT_PRIMARY_FILE_REQUIRED');
    const issue = await http(secretaryA).post(`${doc.path}/issue`, { password: USER_PASSWORD });
    expect(issue.status).toBe(409);
    expect(issue.body.code).toBe('DOCUMENT_VERSION_INVALID_TRANSITION');
  });

  it('leaves exactly one effective version after 20 concurrent issue calls on two approved versions', async () => {
    const doc = await documentAt('effective');
    const approvedVersion = async (): Promise<string> => {
      const v = await http(drafterA).post(`/documents/${doc.id}/versions`);
      const path = `/documents/${doc.id}/versions/${v.body.id}`;
      await http(drafterA).post(`${path}/submit`);
      await http(reviewerA).post(`${path}/review`, { decision: 'approve' });
      await http(approverA).post(`${path}/approve`, { password: USER_PASSWORD });
      return v.body.id as string;
    };
    const a = await approvedVersion();
    const b = await approvedVersion();
    const calls = Array.from({ length: 20 }, (_, i) =>
      http(secretaryA).post(`/documents/${doc.id}/versions/${i % 2 ? a : b}/issue`, {
        password: USER_PASSWORD,
      }),
    );
    const statuses = (await Promise.all(calls)).map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const effective = await ctx.sql<{ id: string }>(
      `SELECT id FROM document_version WHERE document_id = $1 AND state = 'effective'`,
      [doc.id],
    );
    expect(effective).toHaveLength(1);
    // The newest revision wins whatever the order: an older one can never be issued over it.
    expect(effective[0].id).toBe(b);
    const [document] = await ctx.sql<{ current_version_id: string }>(
      `SELECT current_version_id FROM document WHERE id = $1`,
      [doc.id],
    );
    expect(document.current_version_id).toBe(b);
  });
});
