import { Role } from '@eiso/common';
import { expectOneWinner, race, raceAtTableLock } from '../support/races';
import { createTestContext, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';
import { samplePdf } from '../support/files';

/**
 * Every unique index of the documents schema a client can reach, raced: one request wins, the
 * others answer 409 with the index's code, never 500 (test/platform/unique-constraints lists them).
 */
describe('documents: concurrent requests on one unique key', () => {
  let ctx: TestContext;
  let drafter: TestUser;
  let reviewer: TestUser;
  let approver: TestUser;
  let secretary: TestUser;
  let staff: TestUser;

  const post = (user: TestUser, path: string, body: object = {}) =>
    ctx.http().post(`/api/v1${path}`).set('Authorization', user.auth).send(body);
  const upload = async (user: TestUser, path: string, kind: string, label: string) =>
    ctx
      .http()
      .post(`/api/v1${path}/files`)
      .set('Authorization', user.auth)
      .field('kind', kind)
      .attach('file', await samplePdf(label), `${label}.pdf`);

  let serial = 0;
  const newDocument = async () => {
    serial += 1;
    const code = `QT-DUA-${serial}`;
    const created = await post(drafter, '/documents', {
      code,
      title: `Quy trình ${code}`,
      type: 'procedure',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    return { id, path: `/documents/${id}/versions/${created.body.currentVersion.id as string}` };
  };
  const approvedDocument = async () => {
    const doc = await newDocument();
    expect((await upload(drafter, doc.path, 'primary', `ban-${serial}`)).status).toBe(201);
    expect((await post(drafter, `${doc.path}/submit`)).status).toBe(200);
    expect((await post(reviewer, `${doc.path}/review`, { decision: 'approve' })).status).toBe(200);
    expect((await post(approver, `${doc.path}/approve`, { password: USER_PASSWORD })).status).toBe(200);
    return doc;
  };
  const effectiveDocument = async () => {
    const doc = await approvedDocument();
    expect((await post(secretary, `${doc.path}/issue`, { password: USER_PASSWORD })).status).toBe(200);
    return doc;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    const agency = await ctx.newAgency({ name: 'Sở Nội vụ' });
    drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId: agency.id });
    reviewer = await ctx.newUser({ roles: [Role.Reviewer], agencyId: agency.id });
    approver = await ctx.newUser({ roles: [Role.Approver], agencyId: agency.id });
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agency.id });
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
  });
  afterAll(() => ctx.close());

  it('ux_document_agency_code: 50 creations of one code (any case) make one document', async () => {
    const responses = await raceAtTableLock(ctx.db.url, 'document', 50, (i) =>
      post(drafter, '/documents', {
        code: i % 2 ? 'QT-DONG-THOI-01' : 'qt-dong-thoi-01',
        title: `Quy trình thứ ${i}`,
        type: 'procedure',
      }),
    );
    expectOneWinner(responses, 'DOCUMENT_CODE_TAKEN');
    const rows = await ctx.sql(`SELECT id FROM document WHERE lower(code) = 'qt-dong-thoi-01'`);
    expect(rows).toHaveLength(1);
  });

  it('ux_document_version_one_in_flight, ux_document_version_revision: 20 new revisions make one draft', async () => {
    const doc = await effectiveDocument();
    const responses = await race(20, () => post(drafter, `/documents/${doc.id}/versions`));
    const winner = expectOneWinner(responses, 'DOCUMENT_VERSION_IN_FLIGHT');
    expect(winner.body).toMatchObject({ revision: 2, state: 'draft' });
  });

  it('ux_attachment_one_primary: 20 primary uploads to one draft keep one primary file', async () => {
    const doc = await newDocument();
    const responses = await race(20, (i) => upload(drafter, doc.path, 'primary', `chinh-${i}`));
    expectOneWinner(responses, 'DOCUMENT_PRIMARY_FILE_EXISTS');
    const version = await ctx.http().get(`/api/v1${doc.path}`).set('Authorization', drafter.auth);
    expect(version.body.files.filter((f: { kind: string }) => f.kind === 'primary')).toHaveLength(1);
  });

  it('ux_document_version_one_effective, ux_document_version_issue_number: 10 issues of one version issue it once', async () => {
    const doc = await approvedDocument();
    const responses = await race(10, () => post(secretary, `${doc.path}/issue`, { password: USER_PASSWORD }));
    const winner = expectOneWinner(responses, 'DOCUMENT_VERSION_INVALID_TRANSITION');
    expect(winner.body).toMatchObject({ state: 'effective', issueNumber: 1 });
  });

  it('ux_document_version_one_scheduled: 10 issues of one version for a later date schedule it once', async () => {
    const doc = await approvedDocument();
    const responses = await race(10, () =>
      post(secretary, `${doc.path}/issue`, { password: USER_PASSWORD, effectiveFrom: '2199-12-31' }),
    );
    const winner = expectOneWinner(responses, 'DOCUMENT_VERSION_INVALID_TRANSITION');
    expect(winner.body).toMatchObject({ state: 'scheduled', issueNumber: 1, effectiveFrom: '2199-12-31' });
  });

  it('pk_document_acknowledgement: 20 acknowledgements by one reader count once', async () => {
    const doc = await effectiveDocument();
    const responses = await race(20, () => post(staff, `${doc.path}/acknowledgements`));
    expectOneWinner(responses, 'DOCUMENT_ALREADY_ACKNOWLEDGED');
  });
});
