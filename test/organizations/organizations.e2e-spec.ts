import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Global, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Actor, Clock, DomainException, ErrorCode, Role, SystemClock } from '@eiso/common';
import { AuditTrailModule, AuditTrailService } from '@eiso/audit-trail';
import { DatabaseModule, TransactionRunner } from '@eiso/database';
import {
  AgenciesService,
  AgencyHeadingReader,
  AgencyImportService,
  AgencyLevel,
  AgencyStatus,
  AgencyView,
  OrganizationsModule,
  OrgUnitsService,
} from '@eiso/organizations';
import { createTestDatabase, TestDatabase } from '../support/database';

const FIXTURE = readFileSync(join(__dirname, '../../seed/kontum-agencies-2020.csv'));
const HEADER = 'no,group,level,deadline_year,district,name';

@Module({})
class OrganizationsTestModule {}

/** The app's ConfigModule provides the Clock to every module; these modules alone need it too. */
@Global()
@Module({ providers: [{ provide: Clock, useValue: new SystemClock() }], exports: [Clock] })
class ClockTestModule {}

function actor(roles: Role[], agencyId: string | null = null): Actor {
  const userId = randomUUID();
  return { userId, username: `u-${userId.slice(0, 8)}`, agencyId, orgUnitId: null, roles, requestId: 'test' };
}

/** Resolves to the domain error a call was refused with. */
async function refusal(
  work: Promise<unknown>,
): Promise<{ code: ErrorCode; details?: Record<string, unknown> }> {
  const error: unknown = await work.then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  );
  if (!(error instanceof DomainException)) throw error;
  return { code: error.code, details: error.details };
}

describe('organizations: agencies, roadmap import, org units', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let agencies: AgenciesService;
  let imports: AgencyImportService;
  let units: OrgUnitsService;
  let sql: <T>(query: string, params?: unknown[]) => Promise<T[]>;
  const admin = actor([Role.Admin]);
  let province: AgencyView;

  const byName = async (name: string): Promise<AgencyView> => {
    const page = await agencies.list(admin, { page: 1, pageSize: 100, q: name });
    const found = page.items.find((a) => a.name === name);
    if (!found) throw new Error(`no agency named ${name}`);
    return found;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await NestFactory.createApplicationContext(
      {
        module: OrganizationsTestModule,
        imports: [ClockTestModule, DatabaseModule.forRoot(db.url, 5), AuditTrailModule, OrganizationsModule],
      },
      { logger: false },
    );
    agencies = app.get(AgenciesService);
    imports = app.get(AgencyImportService);
    units = app.get(OrgUnitsService);
    const tx = app.get(TransactionRunner);
    sql = (query, params = []) => tx.db.query(query, params);
    province = await agencies.create(admin, {
      name: 'Ủy ban nhân dân tỉnh Kon Tum',
      level: AgencyLevel.Province,
      code: 'UBND-KT',
    });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('roadmap import', () => {
    it('creates the 147 agencies of the Kon Tum file with their roadmap years', async () => {
      const summary = await imports.importCsv(admin, FIXTURE, { parentId: province.id });
      expect(summary).toEqual({
        total: 147,
        created: 147,
        updated: 0,
        unchanged: 0,
        byRoadmapYear: { 2025: 35, 2027: 10, 2030: 102 },
      });
      const counts = await sql<{ level: string; roadmap_year: number; n: number }>(
        `SELECT level, roadmap_year, count(*)::int AS n FROM agency WHERE id <> $1 GROUP BY 1, 2 ORDER BY 1`,
        [province.id],
      );
      expect(counts).toEqual([
        { level: 'commune', roadmap_year: 2030, n: 102 },
        { level: 'district', roadmap_year: 2027, n: 10 },
        { level: 'province_department', roadmap_year: 2025, n: 20 },
        { level: 'sub_department', roadmap_year: 2025, n: 15 },
      ]);
    });

    it('hangs each commune under its district and everything else under the given parent', async () => {
      const dakPet = await byName('Ủy ban nhân dân xã Đăk Pét');
      const dakGlei = await byName('Ủy ban nhân dân huyện Đăk Glei');
      expect(dakPet.parentId).toBe(dakGlei.id);
      expect((await byName('Ủy ban nhân dân phường Quyết Thắng')).parentId).toBe(
        (await byName('Ủy ban nhân dân thành phố Kon Tum')).id,
      );
      expect((await byName('Xã Ia Tơi')).parentId).toBe((await byName('Ủy ban nhân dân huyện Ia H’Drai')).id);
      expect(dakGlei.parentId).toBe(province.id);

      const perDistrict = await sql<{ district: string; communes: number }>(
        `SELECT d.name AS district, count(*)::int AS communes
           FROM agency c JOIN agency d ON d.id = c.parent_id
          WHERE c.level = 'commune' AND d.level = 'district'
          GROUP BY d.name ORDER BY d.name`,
      );
      expect(Object.fromEntries(perDistrict.map((r) => [r.district, r.communes]))).toEqual({
        'Ủy ban nhân dân huyện Đăk Glei': 12,
        'Ủy ban nhân dân huyện Đăk Hà': 11,
        'Ủy ban nhân dân huyện Đăk Tô': 8,
        'Ủy ban nhân dân huyện Ia H’Drai': 3,
        'Ủy ban nhân dân huyện Kon Plông': 9,
        'Ủy ban nhân dân huyện Kon Rẫy': 7,
        'Ủy ban nhân dân huyện Ngọc Hồi': 8,
        'Ủy ban nhân dân huyện Sa Thầy': 11,
        'Ủy ban nhân dân huyện Tu Mơ Rông': 12,
        'Ủy ban nhân dân thành phố Kon Tum': 21,
      });
      const [outer] = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM agency WHERE level <> 'commune' AND parent_id = $1`,
        [province.id],
      );
      expect(outer.n).toBe(45);
    });

    it('creates nothing when the same file is imported again', async () => {
      const summary = await imports.importCsv(admin, FIXTURE, { parentId: province.id });
      expect(summary).toMatchObject({ total: 147, created: 0, updated: 0, unchanged: 147 });
      const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM agency`);
      expect(n).toBe(148);
    });

    it('updates the roadmap year of an agency that is already there', async () => {
      const edited = FIXTURE.toString('utf8').replace(
        '3,I,province_department,2025,,Sở Tư pháp',
        '3,I,province_department,2026,,SỞ TƯ PHÁP',
      );
      const summary = await imports.importCsv(admin, edited, { parentId: province.id });
      expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: 146 });
      expect(await byName('Sở Tư pháp')).toMatchObject({ roadmapYear: 2026, version: 2 });
      await imports.importCsv(admin, FIXTURE, { parentId: province.id });
      expect(await byName('Sở Tư pháp')).toMatchObject({ roadmapYear: 2025, version: 3 });
    });

    it('sets the ký hiệu and địa danh from their optional columns; an empty cell keeps what is there', async () => {
      const withColumns = (abbreviation: string, place: string) =>
        [
          `${HEADER},abbreviation,place`,
          `3,I,province_department,2025,,Sở Tư pháp,${abbreviation},${place}`,
          `41,III,district,2027,,Ủy ban nhân dân huyện Đăk Hà,UBND,Đăk Hà`,
        ].join('\n');
      const first = await imports.importCsv(admin, withColumns('STP', ''), { parentId: province.id });
      expect(first).toMatchObject({ created: 0, updated: 2 });
      expect(await byName('Sở Tư pháp')).toMatchObject({ abbreviation: 'STP', place: null });
      expect(await byName('Ủy ban nhân dân huyện Đăk Hà')).toMatchObject({
        abbreviation: 'UBND',
        place: 'Đăk Hà',
      });
      const again = await imports.importCsv(admin, withColumns('', ''), { parentId: province.id });
      expect(again).toMatchObject({ updated: 0, unchanged: 2 });
      expect(await byName('Sở Tư pháp')).toMatchObject({ abbreviation: 'STP' });
    });

    it('reads the official heading: governing body from the parent, place from the province', async () => {
      // A fixture, not an edit: the later tests count the province's versions and events.
      await sql(`UPDATE agency SET abbreviation = 'UBND', place = 'Kon Tum' WHERE id = $1`, [province.id]);
      const headings = app.get(AgencyHeadingReader);
      expect(await headings.headingOf((await byName('Sở Tư pháp')).id)).toEqual({
        governingBody: 'UBND TỈNH KON TUM',
        agencyName: 'Sở Tư pháp',
        abbreviation: 'STP',
        place: 'Kon Tum',
      });
      const commune = await byName('Ủy ban nhân dân xã Đăk La');
      expect(await headings.headingOf(commune.id)).toEqual({
        governingBody: null,
        agencyName: 'Ủy ban nhân dân xã Đăk La',
        abbreviation: null,
        // The district's place, the nearest above it.
        place: 'Đăk Hà',
      });
      expect((await refusal(headings.headingOf(randomUUID()))).code).toBe(ErrorCode.AgencyNotFound);
    });

    it('writes nothing and names the line when a district cannot be found', async () => {
      const csv = [
        HEADER,
        '1,IV,commune,2030,Huyện Đăk Hà,Ủy ban nhân dân xã Mới Lập',
        '2,IV,commune,2030,Huyện Không Có,Ủy ban nhân dân xã Không Rõ',
      ].join('\n');
      expect(await refusal(imports.importCsv(admin, csv))).toEqual({
        code: ErrorCode.AgencyImportInvalid,
        details: { errors: [{ line: 3, message: expect.stringContaining('Huyện Không Có') }] },
      });
      const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM agency`);
      expect(n).toBe(148);
    });

    it('refuses an import under a parent that does not exist', async () => {
      expect(await refusal(imports.importCsv(admin, FIXTURE, { parentId: randomUUID() }))).toMatchObject({
        code: ErrorCode.AgencyParentInvalid,
      });
    });

    it('is reserved to administrators', async () => {
      const secretary = actor([Role.IsoSecretary], province.id);
      expect(await refusal(imports.importCsv(secretary, FIXTURE))).toMatchObject({
        code: ErrorCode.Forbidden,
      });
    });
  });

  describe('listing agencies', () => {
    it('finds "dak ha" without accents, and only names that contain it', async () => {
      const page = await agencies.list(admin, { page: 1, pageSize: 50, q: 'dak ha' });
      expect(page.items.map((a) => a.name).sort()).toEqual([
        'Ủy ban nhân dân huyện Đăk Hà',
        'Ủy ban nhân dân thị trấn Đăk Hà',
        'Ủy ban nhân dân thị trấn Đắk Hà',
      ]);
      expect(page.total).toBe(3);
      const district = await byName('Ủy ban nhân dân huyện Đăk Hà');
      const inDistrict = await agencies.list(admin, {
        page: 1,
        pageSize: 50,
        q: 'ĐẮK HÀ',
        parentId: district.id,
      });
      expect(inDistrict.items.map((a) => a.name)).toEqual(['Ủy ban nhân dân thị trấn Đăk Hà']);
    });

    it('treats % and _ in the search text literally', async () => {
      expect((await agencies.list(admin, { page: 1, pageSize: 10, q: '%' })).total).toBe(0);
      expect((await agencies.list(admin, { page: 1, pageSize: 10, q: 'dak_ha' })).total).toBe(0);
    });

    it('filters by level, roadmap year and parent, with totals over all pages', async () => {
      const communes = await agencies.list(admin, {
        page: 6,
        pageSize: 20,
        level: AgencyLevel.Commune,
        roadmapYear: 2030,
      });
      expect(communes).toMatchObject({ total: 102, page: 6, pageSize: 20 });
      expect(communes.items).toHaveLength(2);
      expect((await agencies.list(admin, { page: 1, pageSize: 20, roadmapYear: 2025 })).total).toBe(35);
      expect((await agencies.list(admin, { page: 1, pageSize: 20, level: AgencyLevel.District })).total).toBe(
        10,
      );
      const dakGlei = await byName('Ủy ban nhân dân huyện Đăk Glei');
      const underDakGlei = await agencies.list(admin, { page: 1, pageSize: 5, parentId: dakGlei.id });
      expect(underDakGlei.total).toBe(12);
      expect(underDakGlei.items).toHaveLength(5);
      expect(underDakGlei.items.every((a) => a.parentId === dakGlei.id)).toBe(true);
      expect((await agencies.list(admin, { page: 1, pageSize: 5, status: AgencyStatus.Merged })).total).toBe(
        0,
      );
    });

    it('sorts by a whitelisted field, empty years last', async () => {
      const desc = await agencies.list(admin, { page: 1, pageSize: 100, sort: 'roadmapYear:desc' });
      expect(desc.items[0].roadmapYear).toBe(2030);
      const asc = await agencies.list(admin, { page: 2, pageSize: 100, sort: 'roadmapYear:asc' });
      expect(asc.items[asc.items.length - 1]).toMatchObject({ name: province.name, roadmapYear: null });
      const years = (
        await agencies.list(admin, { page: 1, pageSize: 100, sort: 'roadmapYear:asc' })
      ).items.map((a) => a.roadmapYear ?? Infinity);
      expect(years).toEqual([...years].sort((a, b) => a - b));
    });

    it('shows a member only their own agency, and another one as missing', async () => {
      const soYTe = await byName('Sở Y tế');
      const drafter = actor([Role.Drafter], soYTe.id);
      const page = await agencies.list(drafter, { page: 1, pageSize: 20 });
      expect(page.items.map((a) => a.id)).toEqual([soYTe.id]);
      expect(await refusal(agencies.get(drafter, province.id))).toMatchObject({
        code: ErrorCode.AgencyNotFound,
      });
      const overseer = actor([Role.Overseer], randomUUID());
      expect((await agencies.list(overseer, { page: 1, pageSize: 1 })).total).toBe(148);
    });
  });

  describe('creating and editing agencies', () => {
    it('refuses a code already taken, whatever its case', async () => {
      await agencies.create(admin, {
        name: 'Sở Khoa học và Công nghệ mới',
        level: AgencyLevel.ProvinceDepartment,
        code: 'SKHCN',
      });
      expect(
        await refusal(
          agencies.create(admin, { name: 'Cơ quan khác', level: AgencyLevel.Other, code: ' skhcn ' }),
        ),
      ).toEqual({ code: ErrorCode.AgencyCodeTaken, details: undefined });
    });

    it('refuses a second agency of the same folded name under the same parent', async () => {
      const input = { name: 'SỞ TƯ PHÁP', level: AgencyLevel.ProvinceDepartment, parentId: province.id };
      expect(await refusal(agencies.create(admin, input))).toMatchObject({ code: ErrorCode.AgencyNameTaken });
      const elsewhere = await agencies.create(admin, { ...input, parentId: null });
      expect(elsewhere).toMatchObject({ name: 'SỞ TƯ PHÁP', parentId: null, status: 'active', version: 1 });
    });

    it('refuses a missing parent and a parent below the agency itself', async () => {
      expect(
        await refusal(
          agencies.create(admin, { name: 'Mồ côi', level: AgencyLevel.Other, parentId: randomUUID() }),
        ),
      ).toMatchObject({ code: ErrorCode.AgencyParentInvalid });
      const dakPet = await byName('Ủy ban nhân dân xã Đăk Pét');
      expect(
        await refusal(agencies.update(admin, province.id, province.version, { parentId: dakPet.id })),
      ).toMatchObject({ code: ErrorCode.AgencyParentInvalid, details: { reason: 'cycle' } });
    });

    it('applies an edit only to the version it was made on', async () => {
      const agency = await agencies.create(admin, { name: 'Ban Quản lý dự án', level: AgencyLevel.Other });
      const edited = await agencies.update(admin, agency.id, 1, {
        name: 'Ban Quản lý dự án đầu tư',
        roadmapYear: 2027,
      });
      expect(edited).toMatchObject({ name: 'Ban Quản lý dự án đầu tư', roadmapYear: 2027, version: 2 });
      expect(await refusal(agencies.update(admin, agency.id, 1, { name: 'Bản cũ' }))).toMatchObject({
        code: ErrorCode.PreconditionFailed,
        details: { currentVersion: 2 },
      });
      expect(await agencies.get(admin, agency.id)).toMatchObject({
        name: 'Ban Quản lý dự án đầu tư',
        version: 2,
      });
      expect(await agencies.update(admin, agency.id, 2, { roadmapYear: 2027 })).toMatchObject({ version: 2 });
    });

    it('is reserved to administrators', async () => {
      const secretary = actor([Role.IsoSecretary], province.id);
      expect(
        await refusal(agencies.create(secretary, { name: 'Sở mới', level: AgencyLevel.Other })),
      ).toMatchObject({
        code: ErrorCode.Forbidden,
      });
      expect(await refusal(agencies.update(secretary, province.id, 1, { name: 'Đổi tên' }))).toMatchObject({
        code: ErrorCode.Forbidden,
      });
    });
  });

  describe('org units', () => {
    let agencyA: AgencyView;
    let agencyB: AgencyView;

    beforeAll(async () => {
      agencyA = await byName('Sở Nội vụ');
      agencyB = await byName('Sở Tài chính');
    });

    it('lets an ISO secretary manage the units of their own agency only; another agency answers 404', async () => {
      const secretaryA = actor([Role.IsoSecretary], agencyA.id);
      const unit = await units.create(secretaryA, agencyA.id, { name: 'Phòng Tổ chức cán bộ', code: 'TCCB' });
      expect(unit).toMatchObject({
        agencyId: agencyA.id,
        name: 'Phòng Tổ chức cán bộ',
        active: true,
        version: 1,
      });

      const unitB = await units.create(admin, agencyB.id, { name: 'Phòng Ngân sách' });
      expect(await refusal(units.create(secretaryA, agencyB.id, { name: 'Phòng lạ' }))).toMatchObject({
        code: ErrorCode.AgencyNotFound,
      });
      expect(await refusal(units.list(secretaryA, agencyB.id, { page: 1, pageSize: 20 }))).toMatchObject({
        code: ErrorCode.AgencyNotFound,
      });
      expect(await refusal(units.get(secretaryA, agencyB.id, unitB.id))).toMatchObject({
        code: ErrorCode.AgencyNotFound,
      });
      expect(await refusal(units.update(secretaryA, agencyB.id, unitB.id, 1, { name: 'X' }))).toMatchObject({
        code: ErrorCode.AgencyNotFound,
      });
      expect(await refusal(units.get(secretaryA, agencyA.id, unitB.id))).toMatchObject({
        code: ErrorCode.OrgUnitNotFound,
      });
      expect(await refusal(units.create(secretaryA, randomUUID(), { name: 'Phòng ma' }))).toMatchObject({
        code: ErrorCode.AgencyNotFound,
      });
    });

    it('lets other members read their own agency’s units but not change them', async () => {
      const drafter = actor([Role.Drafter], agencyA.id);
      const page = await units.list(drafter, agencyA.id, { page: 1, pageSize: 20, q: 'to chuc' });
      expect(page.items.map((u) => u.name)).toEqual(['Phòng Tổ chức cán bộ']);
      expect(await refusal(units.create(drafter, agencyA.id, { name: 'Phòng mới' }))).toMatchObject({
        code: ErrorCode.Forbidden,
      });
      expect(await refusal(units.list(drafter, agencyB.id, { page: 1, pageSize: 20 }))).toMatchObject({
        code: ErrorCode.AgencyNotFound,
      });
    });

    it('keeps names unique per agency, parents inside the agency and the tree free of loops', async () => {
      expect(await refusal(units.create(admin, agencyA.id, { name: 'PHÒNG TỔ CHỨC CÁN BỘ' }))).toMatchObject({
        code: ErrorCode.OrgUnitNameTaken,
      });
      const unitB = (await units.list(admin, agencyB.id, { page: 1, pageSize: 1 })).items[0];
      expect(
        await refusal(units.create(admin, agencyA.id, { name: 'Tổ công tác', parentId: unitB.id })),
      ).toMatchObject({ code: ErrorCode.OrgUnitParentInvalid });

      const top = await units.create(admin, agencyA.id, { name: 'Văn phòng Sở' });
      const child = await units.create(admin, agencyA.id, { name: 'Bộ phận Một cửa', parentId: top.id });
      expect(await refusal(units.update(admin, agencyA.id, top.id, 1, { parentId: child.id }))).toMatchObject(
        {
          code: ErrorCode.OrgUnitParentInvalid,
          details: { reason: 'cycle' },
        },
      );
      const moved = await units.update(admin, agencyA.id, child.id, 1, { parentId: null, active: false });
      expect(moved).toMatchObject({ parentId: null, active: false, version: 2 });
      expect(await refusal(units.update(admin, agencyA.id, child.id, 1, { name: 'Cũ' }))).toMatchObject({
        code: ErrorCode.PreconditionFailed,
      });
      const inactive = await units.list(admin, agencyA.id, { page: 1, pageSize: 20, active: false });
      expect(inactive.items.map((u) => u.id)).toEqual([child.id]);
    });
  });

  describe('audit trail', () => {
    it('records every write with its before and after, in one intact chain', async () => {
      const actions = await sql<{ action: string; n: number }>(
        `SELECT action, count(*)::int AS n FROM audit_event GROUP BY action ORDER BY action`,
      );
      expect(Object.fromEntries(actions.map((r) => [r.action, r.n]))).toEqual({
        'agency.created': 1 + 147 + 2 + 1,
        'agency.import': 6,
        'agency.updated': 5,
        'org_unit.created': 4,
        'org_unit.updated': 1,
      });
      const [created] = await sql<{ agency_id: string; after: Record<string, unknown>; actor_id: string }>(
        `SELECT e.agency_id, e.after, e.actor_id FROM audit_event e JOIN agency a ON a.id::text = e.entity_id
          WHERE e.action = 'agency.created' AND a.name = 'Ủy ban nhân dân xã Đăk Pét'`,
      );
      expect(created).toMatchObject({
        actor_id: admin.userId,
        after: { level: 'commune', roadmapYear: 2030 },
      });
      const [yearChange] = await sql<{ before: { roadmapYear: number }; after: { roadmapYear: number } }>(
        `SELECT before, after FROM audit_event WHERE action = 'agency.updated' ORDER BY seq LIMIT 1`,
      );
      expect(yearChange).toEqual({
        before: expect.objectContaining({ roadmapYear: 2025 }),
        after: expect.objectContaining({ roadmapYear: 2026 }),
      });
      const [summary] = await sql<{ after: Record<string, unknown> }>(
        `SELECT after FROM audit_event WHERE action = 'agency.import' ORDER BY seq LIMIT 1`,
      );
      expect(summary.after).toMatchObject({
        total: 147,
        created: 147,
        parentId: province.id,
        sha256: expect.any(String),
      });
      expect(await app.get(AuditTrailService).verify()).toMatchObject({ ok: true, firstBroken: null });
    });
  });
});
