import { Role } from '@eiso/common';
import { createTestContext, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';
import { samplePdf } from '../support/files';

/**
 * Segregation of duties on one version (DESIGN §1): the author, the reviewer and the approver are
 * three different people, and the issuer is not the author; whatever roles one account holds.
 */
describe('document control: segregation of duties', () => {
  let ctx: TestContext;
  let drafter: TestUser;
  let reviewer: TestUser;
  let approver: TestUser;
  let secretary: TestUser;
  /** reviewer + approver + ISO secretary: the account of the report. */
  let everything: TestUser;
  let draftingReviewer: TestUser;
  let draftingApprover: TestUser;
  let draftingSecretary: TestUser;

  const post = (user: TestUser, path: string, body: object = {}) =>
    ctx.http().post(`/api/v1${path}`).set('Authorization', user.auth).send(body);
  const state = async (path: string) =>
    (await ctx.http().get(`/api/v1${path}`).set('Authorization', secretary.auth)).body as {
      state: string;
      signatures: { meaning: string; signerName: string }[];
    };
  const review = (user: TestUser, path: string) => post(user, `${path}/review`, { decision: 'approve' });
  const approve = (user: TestUser, path: string, password = USER_PASSWORD) =>
    post(user, `${path}/approve`, { password });
  const issue = (user: TestUser, path: string) => post(user, `${path}/issue`, { password: USER_PASSWORD });

  let serial = 0;
  /** A version by `author`, submitted for review. */
  const submitted = async (author: TestUser) => {
    serial += 1;
    const code = `QT-PT-${serial}`;
    const created = await post(author, '/documents', { code, title: `Quy trình ${code}`, type: 'procedure' });
    expect(created.status).toBe(201);
    const path = `/documents/${created.body.id as string}/versions/${created.body.currentVersion.id as string}`;
    const upload = await ctx
      .http()
      .post(`/api/v1${path}/files`)
      .set('Authorization', author.auth)
      .field('kind', 'primary')
      .attach('file', await samplePdf(code), 'quy-trinh.pdf');
    expect(upload.status).toBe(201);
    expect((await post(author, `${path}/submit`)).status).toBe(200);
    return path;
  };
  const refused = (res: { status: number; body: { code?: string } }, code: string) =>
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code });

  beforeAll(async () => {
    ctx = await createTestContext();
    const agencyId = (await ctx.newAgency({ name: 'Sở Lao động - Thương binh và Xã hội' })).id;
    const user = (roles: Role[]) => ctx.newUser({ roles, agencyId });
    drafter = await user([Role.Drafter]);
    reviewer = await user([Role.Reviewer]);
    approver = await user([Role.Approver]);
    secretary = await user([Role.IsoSecretary]);
    everything = await user([Role.Reviewer, Role.Approver, Role.IsoSecretary]);
    draftingReviewer = await user([Role.Drafter, Role.Reviewer]);
    draftingApprover = await user([Role.Drafter, Role.Approver]);
    draftingSecretary = await user([Role.Drafter, Role.IsoSecretary]);
  });
  afterAll(() => ctx.close());

  it('author ≠ reviewer: the author cannot review their own version', async () => {
    const path = await submitted(draftingReviewer);
    refused(await review(draftingReviewer, path), 'DOCUMENT_SELF_REVIEW');
    expect((await state(path)).state).toBe('in_review');
  });

  it('author ≠ approver: the author cannot approve their own version', async () => {
    const path = await submitted(draftingApprover);
    expect((await review(reviewer, path)).status).toBe(200);
    refused(await approve(draftingApprover, path), 'DOCUMENT_SELF_REVIEW');
    expect((await state(path)).state).toBe('awaiting_approval');
  });

  it('reviewer ≠ approver: who reviewed cannot approve, refused before the password is checked', async () => {
    const path = await submitted(drafter);
    expect((await review(everything, path)).status).toBe(200);
    refused(await approve(everything, path), 'DOCUMENT_APPROVER_IS_REVIEWER');
    refused(await approve(everything, path, 'mat-khau-sai'), 'DOCUMENT_APPROVER_IS_REVIEWER');
    const version = await state(path);
    expect(version.state).toBe('awaiting_approval');
    expect(version.signatures.map((s) => s.meaning)).toEqual(['submit', 'review']);

    // Another approver signs; the reviewer may still issue (only the author may not).
    expect((await approve(approver, path)).status).toBe(200);
    const issued = await issue(everything, path);
    expect(issued.status).toBe(200);
    expect(issued.body.signatures.map((s: { meaning: string }) => s.meaning)).toEqual([
      'submit',
      'review',
      'approve',
      'issue',
    ]);
  });

  it('reviewer ≠ approver across rounds: a review signed before a return still counts', async () => {
    const path = await submitted(drafter);
    expect((await review(everything, path)).status).toBe(200);
    expect((await post(approver, `${path}/return`, { comment: 'Bổ sung biểu mẫu kèm theo.' })).status).toBe(
      200,
    );
    expect((await post(drafter, `${path}/submit`)).status).toBe(200);
    expect((await review(reviewer, path)).status).toBe(200);
    refused(await approve(everything, path), 'DOCUMENT_APPROVER_IS_REVIEWER');
    expect((await approve(approver, path)).status).toBe(200);
  });

  it('author ≠ issuer: the author cannot issue their own version, another secretary can', async () => {
    const path = await submitted(draftingSecretary);
    expect((await review(reviewer, path)).status).toBe(200);
    expect((await approve(approver, path)).status).toBe(200);
    refused(await issue(draftingSecretary, path), 'DOCUMENT_SELF_ISSUE');
    expect((await state(path)).state).toBe('approved');
    expect((await issue(secretary, path)).status).toBe(200);
    expect((await state(path)).state).toBe('effective');
  });

  it('the approver may issue what they approved when they did not write it', async () => {
    const path = await submitted(drafter);
    expect((await review(reviewer, path)).status).toBe(200);
    expect((await approve(everything, path)).status).toBe(200);
    expect((await issue(everything, path)).status).toBe(200);
  });
});
