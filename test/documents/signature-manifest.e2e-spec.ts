import { Role } from '@eiso/common';
import { extractPdfText } from '@eiso/pdf/testing';
import { apiAs } from '../support/api-as';
import { createTestContext, TestAgency, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';
import { newDocument, submittedVersion, versionPath } from '../support/document-flow';

interface ManifestEntry {
  meaning: string;
  meaningLabel: string;
  signerId: string;
  signerName: string;
  signerPosition: string | null;
  signerRole: string;
  signedAt: string;
  contentHash: string;
  passwordSetAt: string | null;
  contentVerified: boolean;
}

/**
 * Signatures are facts of the moment they were made (DESIGN §13, "Signatures are facts"): the
 * drafter's submission is signed too, every signature keeps name, position, role and when the
 * password had last been set, and a manifest recomputes each hash. Later changes to a signer
 * (position, name, password) change nothing in the manifest, the controlled copy or the workflow.
 */
describe('signature manifest of a document version', () => {
  let ctx: TestContext;
  let agency: TestAgency;
  let drafter: TestUser;
  let reviewer: TestUser;
  let approver: TestUser;
  let secretary: TestUser;
  let staff: TestUser;
  let foreignStaff: TestUser;
  let foreignDrafter: TestUser;
  let overseer: TestUser;

  const passwordSetAt = async (user: TestUser): Promise<string> => {
    const [row] = await ctx.sql<{ password_changed_at: Date }>(
      'SELECT password_changed_at FROM app_user WHERE id = $1',
      [user.id],
    );
    return row.password_changed_at.toISOString();
  };

  /** A new procedure with its primary file, submitted by the drafter; its version path. */
  const submitted = async (code: string): Promise<string> => {
    const doc = await newDocument(ctx, { drafter }, code);
    await submittedVersion(ctx, drafter, doc, code);
    return versionPath(doc);
  };

  const manifest = async (user: TestUser, path: string) => apiAs(ctx, user).get(`${path}/signatures`);

  /** An admin edit of an account (position, name or a password reset). */
  const adminEdit = async (user: TestUser, body: object) => {
    const read = await ctx.http().get(`/api/v1/users/${user.id}`).set('Authorization', ctx.admin.auth);
    const res = await ctx
      .http()
      .patch(`/api/v1/users/${user.id}`)
      .set('Authorization', ctx.admin.auth)
      .set('If-Match', read.headers.etag)
      .send(body);
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    agency = await ctx.newAgency({ name: 'Sở Khoa học và Công nghệ' });
    drafter = await ctx.newUser({
      roles: [Role.Drafter],
      agencyId: agency.id,
      fullName: 'Nguyễn Thị Hường',
      position: 'Chuyên viên',
    });
    reviewer = await ctx.newUser({
      roles: [Role.Reviewer],
      agencyId: agency.id,
      fullName: 'Đỗ Thị Hoa',
      position: 'Phó Trưởng phòng phụ trách',
    });
    approver = await ctx.newUser({
      roles: [Role.Approver],
      agencyId: agency.id,
      fullName: 'Lê Quốc Việt',
      position: 'Giám đốc Sở',
    });
    secretary = await ctx.newUser({
      roles: [Role.IsoSecretary],
      agencyId: agency.id,
      fullName: 'Phan Thị Thảo',
      position: 'Chánh Văn phòng',
    });
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const other = await ctx.newAgency({ name: 'Sở Y tế' });
    foreignStaff = await ctx.newUser({ roles: [Role.Staff], agencyId: other.id });
    foreignDrafter = await ctx.newUser({ roles: [Role.Drafter], agencyId: other.id });
    overseer = await ctx.newUser({ roles: [Role.Overseer], agencyId: other.id });
  });
  afterAll(() => ctx.close());

  it('records the drafter’s submission as a "Soạn thảo" signature with the position of the moment', async () => {
    const path = await submitted('QT-NOP-01');
    const version = (await apiAs(ctx, drafter).get(path)).body;
    expect(version.signatures).toEqual([
      expect.objectContaining({
        meaning: 'submit',
        meaningLabel: 'Soạn thảo',
        signerId: drafter.id,
        signerName: 'Nguyễn Thị Hường',
        signerPosition: 'Chuyên viên',
        signerRole: 'drafter',
        passwordSetAt: await passwordSetAt(drafter),
      }),
    ]);
    expect(version.signatures[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps every signature as made through later changes of position, name and password', async () => {
    // A reviewer of its own: a reset ends the sessions of the account.
    const reviewer = await ctx.newUser({
      roles: [Role.Reviewer],
      agencyId: agency.id,
      fullName: 'Trần Văn Đức',
      position: 'Trưởng phòng',
    });
    const path = await submitted('QT-KY-01');
    const epochs = {
      drafter: await passwordSetAt(drafter),
      reviewer: await passwordSetAt(reviewer),
      approver: await passwordSetAt(approver),
      secretary: await passwordSetAt(secretary),
    };
    expect((await apiAs(ctx, reviewer).post(`${path}/review`, { decision: 'approve' })).status).toBe(200);
    expect((await apiAs(ctx, approver).post(`${path}/approve`, { password: USER_PASSWORD })).status).toBe(
      200,
    );

    // After approval, before issue: the approver sets a new password, the reviewer's is reset.
    const changed = await apiAs(ctx, approver).post('/me/password', {
      currentPassword: USER_PASSWORD,
      newPassword: 'MatKhau-Moi-2027',
    });
    expect(changed.status).toBe(200);
    approver = { ...approver, auth: `Bearer ${changed.body.accessToken as string}` };
    await adminEdit(reviewer, { password: 'MatKhau-Tam-2027' });
    // The signed approval still lets the version be issued.
    const issued = await apiAs(ctx, secretary).post(`${path}/issue`, { password: USER_PASSWORD });
    expect(issued.status).toBe(200);
    // Later still: new positions and a new name.
    await adminEdit(drafter, { position: 'Phó Trưởng phòng' });
    await adminEdit(approver, { position: 'Chủ tịch UBND tỉnh', fullName: 'Lê Quốc Việt (mới)' });

    const res = await manifest(staff, path);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 'QT-KY-01', revision: 1, issueNumber: 1, state: 'effective' });
    const entries = res.body.signatures as ManifestEntry[];
    expect(
      entries.map((s) => [s.meaningLabel, s.signerName, s.signerPosition, s.signerRole, s.passwordSetAt]),
    ).toEqual([
      ['Soạn thảo', 'Nguyễn Thị Hường', 'Chuyên viên', 'drafter', epochs.drafter],
      ['Xem xét', 'Trần Văn Đức', 'Trưởng phòng', 'reviewer', epochs.reviewer],
      ['Phê duyệt', 'Lê Quốc Việt', 'Giám đốc Sở', 'approver', epochs.approver],
      ['Ban hành', 'Phan Thị Thảo', 'Chánh Văn phòng', 'iso_secretary', epochs.secretary],
    ]);
    expect(entries.every((s) => s.contentVerified)).toBe(true);
    // The signers' passwords have been set again since: the manifest shows the earlier epoch.
    expect(new Date(await passwordSetAt(approver)).getTime()).toBeGreaterThan(
      new Date(epochs.approver).getTime(),
    );
    expect(new Date(await passwordSetAt(reviewer)).getTime()).toBeGreaterThan(
      new Date(epochs.reviewer).getTime(),
    );
    // The version's own view carries the same facts.
    const view = (await apiAs(ctx, staff).get(path)).body;
    expect(view.signatures.map((s: ManifestEntry) => s.passwordSetAt)).toEqual(Object.values(epochs));

    // The controlled copy prints each block as signed, the drafter's included.
    const copy = await apiAs(ctx, staff).binary(`${path}/controlled-copy`);
    expect(copy.status).toBe(200);
    const text = (await extractPdfText(copy.body as Buffer)).replace(/\s+/g, ' ');
    for (const expected of [
      'Nguyễn Thị Hường',
      // Positions print in capitals (Nghị định 30/2020, signer blocks).
      'CHUYÊN VIÊN',
      'Lê Quốc Việt',
      'GIÁM ĐỐC SỞ',
      'TRƯỞNG PHÒNG',
    ]) {
      expect(text).toContain(expected);
    }
    for (const later of ['PHÓ TRƯỞNG PHÒNG', 'CHỦ TỊCH UBND TỈNH', '(mới)'])
      expect(text).not.toContain(later);
  });

  it('tells which signatures no longer match what is stored', async () => {
    const path = await submitted('QT-TRA-01');
    expect((await apiAs(ctx, reviewer).post(`${path}/review`, { decision: 'approve' })).status).toBe(200);
    const back = await apiAs(ctx, approver).post(`${path}/return`, { comment: 'Bổ sung lưu đồ.' });
    expect(back.status).toBe(200);
    const edited = await apiAs(ctx, drafter).patch(
      path,
      { title: 'Quy trình QT-TRA-01 (bổ sung lưu đồ)' },
      `"${back.body.version as number}"`,
    );
    expect(edited.status).toBe(200);
    expect((await apiAs(ctx, drafter).post(`${path}/submit`)).status).toBe(200);
    const entries = (await manifest(reviewer, path)).body.signatures as ManifestEntry[];
    // The first submission and its review were made over the title before the edit.
    expect(entries.map((s) => [s.meaning, s.contentVerified])).toEqual([
      ['submit', false],
      ['review', false],
      ['submit', true],
    ]);

    // Stored bytes that no longer match what was signed show as well.
    const versionId = path.split('/').pop()!;
    await ctx.sql(
      `UPDATE attachment SET sha256 = repeat('0', 64) WHERE subject_type = 'document_version' AND subject_id = $1`,
      [versionId],
    );
    const tampered = (await manifest(reviewer, path)).body.signatures as ManifestEntry[];
    expect(tampered.map((s) => s.contentVerified)).toEqual([false, false, false]);
  });

  it('is readable by whoever may read the version, and by nobody else', async () => {
    const draft = await submitted('QT-XEM-01');
    expect((await manifest(reviewer, draft)).status).toBe(200);
    // Staff see issued versions only; another agency sees nothing of this one; no token, no answer.
    const hidden = await manifest(staff, draft);
    expect([hidden.status, hidden.body.code]).toEqual([404, 'DOCUMENT_NOT_FOUND']);
    const foreign = await manifest(foreignDrafter, draft);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'DOCUMENT_NOT_FOUND']);
    expect((await ctx.http().get(`/api/v1${draft}/signatures`)).status).toBe(401);

    const effective = (await apiAs(ctx, staff).get('/documents?q=QT-KY-01')).body.items[0] as {
      id: string;
      currentVersion: { id: string };
    };
    const issuedPath = `/documents/${effective.id}/versions/${effective.currentVersion.id}`;
    expect((await manifest(staff, issuedPath)).status).toBe(200);
    expect((await manifest(foreignStaff, issuedPath)).status).toBe(404);
    expect((await manifest(overseer, issuedPath)).status).toBe(200);
  });
});
