import { AuditVisibilityRegistry } from '@eiso/audit-trail';
import { Role } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { DocumentDirectory } from '@eiso/documents';
import { UserDirectory } from '@eiso/identity';
import { AgencyDirectory, AgencyLevel } from '@eiso/organizations';
import { apiAs } from '../support/api-as';
import { createTestContext, TestAgency, TestContext, TestUser } from '../support/test-app';

/**
 * Issue 12 §2: other domains read people, agencies and documents only through the owning
 * domain's directory. These are the answers they rely on, against the real schema.
 */
describe('directories: how domains read people, agencies and documents', () => {
  let ctx: TestContext;
  let users: UserDirectory;
  let agencies: AgencyDirectory;
  let province: TestAgency;
  let agency: TestAgency;
  let other: TestAgency;
  let unitA: { id: string; name: string };
  let unitB: { id: string; name: string };
  let otherUnit: { id: string; name: string };
  let reviewerA: TestUser;
  let reviewerB: TestUser;
  let retired: TestUser;
  let approver: TestUser;
  let otherReviewer: TestUser;
  let drafter: TestUser;

  const ids = (list: { id: string }[]) => list.map((u) => u.id);
  const sorted = (...list: TestUser[]) => list.map((u) => u.id).sort();

  beforeAll(async () => {
    ctx = await createTestContext();
    users = ctx.app.get(UserDirectory);
    agencies = ctx.app.get(AgencyDirectory);
    province = await ctx.newAgency({ name: 'Ủy ban nhân dân tỉnh Kon Tum', level: AgencyLevel.Province });
    agency = await ctx.newAgency({ name: 'Sở Tư pháp', code: 'STP', parentId: province.id });
    other = await ctx.newAgency({ name: 'Sở Y tế', parentId: province.id });
    unitB = await ctx.newOrgUnit(agency.id, 'Văn phòng Sở');
    unitA = await ctx.newOrgUnit(agency.id, 'Phòng Bổ trợ tư pháp');
    otherUnit = await ctx.newOrgUnit(other.id, 'Phòng Nghiệp vụ Y');
    reviewerA = await ctx.newUser({
      roles: [Role.Reviewer],
      agencyId: agency.id,
      orgUnitId: unitA.id,
      fullName: 'Trần Văn Bình',
      position: 'Trưởng phòng',
      email: 'binh@kontum.gov.vn',
    });
    reviewerB = await ctx.newUser({
      roles: [Role.Reviewer, Role.Drafter],
      agencyId: agency.id,
      orgUnitId: unitB.id,
      fullName: 'Nguyễn Thị An',
    });
    retired = await ctx.newUser({
      roles: [Role.Reviewer],
      agencyId: agency.id,
      orgUnitId: unitA.id,
      fullName: 'Lê Văn Cường',
      email: 'cuong@kontum.gov.vn',
    });
    await ctx.sql('UPDATE app_user SET active = false WHERE id = $1', [retired.id]);
    approver = await ctx.newUser({ roles: [Role.Approver], agencyId: agency.id, fullName: 'Phạm Minh Đức' });
    otherReviewer = await ctx.newUser({
      roles: [Role.Reviewer],
      agencyId: other.id,
      orgUnitId: otherUnit.id,
    });
    drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId: agency.id, fullName: 'Hoàng Thu Hà' });
  });
  afterAll(() => ctx.close());

  describe('UserDirectory', () => {
    it("lists an agency's active holders of a role, of one org unit when asked", async () => {
      const all = await users.withRole(agency.id, Role.Reviewer);
      expect(ids(all)).toEqual(sorted(reviewerA, reviewerB));
      expect(all.find((u) => u.id === reviewerA.id)).toEqual({
        id: reviewerA.id,
        fullName: 'Trần Văn Bình',
        email: 'binh@kontum.gov.vn',
      });
      expect(ids(await users.withRole(agency.id, Role.Reviewer, { orgUnitId: unitA.id }))).toEqual([
        reviewerA.id,
      ]);
      expect(ids(await users.withRole(agency.id, Role.IsoSecretary))).toEqual([]);
    });

    it('answers many agencies in one call', async () => {
      const byAgency = await users.withRoleIn([agency.id, other.id, province.id], Role.Reviewer);
      expect([...byAgency.keys()].sort()).toEqual([agency.id, other.id].sort());
      expect(ids(byAgency.get(agency.id)!)).toEqual(sorted(reviewerA, reviewerB));
      expect(ids(byAgency.get(other.id)!)).toEqual([otherReviewer.id]);
      expect(await users.withRoleIn([], Role.Reviewer)).toEqual(new Map());
    });

    it("answers many org units of one agency in one call, another agency's units left out", async () => {
      const byUnit = await users.withRoleInUnits(agency.id, Role.Reviewer, [
        unitA.id,
        unitB.id,
        otherUnit.id,
      ]);
      expect([...byUnit.keys()].sort()).toEqual([unitA.id, unitB.id].sort());
      expect(ids(byUnit.get(unitA.id)!)).toEqual([reviewerA.id]);
      expect(ids(byUnit.get(unitB.id)!)).toEqual([reviewerB.id]);
      expect(await users.withRoleInUnits(agency.id, Role.Reviewer, [])).toEqual(new Map());
    });

    it('reaches the active people listed by name or through their org unit, each once', async () => {
      const reached = await users.activeIn({ userIds: [approver.id, reviewerA.id], orgUnitIds: [unitA.id] });
      expect(ids(reached)).toEqual(sorted(approver, reviewerA));
      expect(await users.activeIn({ userIds: [], orgUnitIds: [] })).toEqual([]);
    });

    it("gives a person's card, and many cards by name in one call", async () => {
      expect(await users.cardOf(reviewerA.id)).toEqual({
        id: reviewerA.id,
        username: reviewerA.username,
        fullName: 'Trần Văn Bình',
        position: 'Trưởng phòng',
        agencyId: agency.id,
        orgUnitId: unitA.id,
        roles: [Role.Reviewer],
        active: true,
      });
      expect(await users.cardOf('00000000-0000-4000-8000-000000000000')).toBeNull();
      const cards = await users.cardsOf([drafter.id, retired.id, reviewerB.id, reviewerB.id]);
      // Ordered as the database collates full names; an inactive account keeps its card.
      expect(cards.map((c) => [c.fullName, c.active])).toEqual([
        ['Hoàng Thu Hà', true],
        ['Lê Văn Cường', false],
        ['Nguyễn Thị An', true],
      ]);
    });

    it('names actors and addresses recipients, active or not', async () => {
      expect(await users.fullNamesOf([approver.id, retired.id])).toEqual(
        new Map([
          [approver.id, 'Phạm Minh Đức'],
          [retired.id, 'Lê Văn Cường'],
        ]),
      );
      expect(await users.recipientsOf([retired.id, reviewerB.id])).toEqual(
        new Map([
          [retired.id, { email: 'cuong@kontum.gov.vn', active: false }],
          [reviewerB.id, { email: null, active: true }],
        ]),
      );
    });

    it('tells whether every account belongs to an agency', async () => {
      expect(await users.allBelong(agency.id, [reviewerA.id, retired.id])).toBe(true);
      expect(await users.allBelong(agency.id, [reviewerA.id, otherReviewer.id])).toBe(false);
      expect(await users.allBelong(agency.id, [])).toBe(true);
    });

    it("reads inside the caller's transaction when given its handle", async () => {
      const tx = ctx.app.get(TransactionRunner);
      const rolledBack = new Error('rollback');
      await expect(
        tx.run(async (db) => {
          await db.query(`UPDATE app_user SET full_name = 'Tên chưa lưu' WHERE id = $1`, [drafter.id]);
          expect((await users.cardOf(drafter.id, db))?.fullName).toBe('Tên chưa lưu');
          expect((await users.cardOf(drafter.id))?.fullName).toBe('Hoàng Thu Hà');
          throw rolledBack;
        }),
      ).rejects.toBe(rolledBack);
    });
  });

  describe('AgencyDirectory', () => {
    it('names an agency, with its code, level and parent', async () => {
      expect(await agencies.summaryOf(agency.id)).toEqual({
        id: agency.id,
        name: 'Sở Tư pháp',
        code: 'STP',
        level: AgencyLevel.ProvinceDepartment,
        parent: { id: province.id, name: 'Ủy ban nhân dân tỉnh Kon Tum' },
      });
      expect((await agencies.summaryOf(province.id))?.parent).toBeNull();
      expect(await agencies.nameOf(agency.id)).toBe('Sở Tư pháp');
      expect(await agencies.nameOf('00000000-0000-4000-8000-000000000000')).toBe('');
      expect(await agencies.exists(other.id)).toBe(true);
      expect(await agencies.exists('00000000-0000-4000-8000-000000000000')).toBe(false);
    });

    it("lists an agency's org units by name, names many, and checks they belong to it", async () => {
      expect((await agencies.orgUnitsOf(agency.id)).map((u) => u.name)).toEqual([
        'Phòng Bổ trợ tư pháp',
        'Văn phòng Sở',
      ]);
      expect(await agencies.orgUnitNames([unitA.id, otherUnit.id])).toEqual(
        new Map([
          [unitA.id, unitA.name],
          [otherUnit.id, otherUnit.name],
        ]),
      );
      expect(await agencies.orgUnitsBelong(agency.id, [unitA.id, unitB.id])).toBe(true);
      expect(await agencies.orgUnitsBelong(agency.id, [unitA.id, otherUnit.id])).toBe(false);
    });
  });

  it('DocumentDirectory: a document belongs to its agency and is named by code and title', async () => {
    const created = await apiAs(ctx, drafter).post('/documents', {
      code: 'QT-01',
      title: 'Quy trình kiểm soát tài liệu',
      type: 'procedure',
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const documents = ctx.app.get(DocumentDirectory);
    expect(await documents.belongsTo(agency.id, id)).toBe(true);
    expect(await documents.belongsTo(other.id, id)).toBe(false);
    expect(await documents.labelsOf([id])).toEqual(
      new Map([[id, { code: 'QT-01', title: 'Quy trình kiểm soát tài liệu' }]]),
    );
  });

  it("the audit trail names actors through identity's directory", async () => {
    const registry = ctx.app.get(AuditVisibilityRegistry);
    const tx = ctx.app.get(TransactionRunner);
    expect(await registry.actorNames(tx.db, [approver.id])).toEqual(
      new Map([[approver.id, 'Phạm Minh Đức']]),
    );
  });
});
