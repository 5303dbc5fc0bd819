import { Role } from '@eiso/common';
import { FixedClock } from '../support/fixed-clock';
import { expectOneWinner, race, raceAtTableLock } from '../support/races';
import { createTestContext, TestContext, TestUser } from '../support/test-app';
import { apiAs } from '../support/api-as';
import { runRetention } from '../support/record-flow';

/**
 * Every unique index of the records schema a client can reach, raced: one request wins, the others
 * answer 409 with the index's code, never 500 (test/platform/unique-constraints lists them).
 */
describe('records: concurrent requests on one unique key', () => {
  const clock = new FixedClock(new Date('2027-01-10T02:00:00Z'));
  let ctx: TestContext;
  let secretary: TestUser;
  let staff: TestUser;
  let unitId: string;
  let typeId: string;
  const due: string[] = [];

  const typeInput = (code: string) => ({
    code,
    name: `Hồ sơ ${code}`,
    retentionMonths: 12,
    storagePlace: 'Kho lưu trữ cơ quan',
    responsibleOrgUnitId: unitId,
  });

  beforeAll(async () => {
    ctx = await createTestContext({}, { worker: true, clock });
    const agency = await ctx.newAgency({ name: 'Sở Xây dựng' });
    unitId = (await ctx.newOrgUnit(agency.id, 'Văn phòng Sở')).id;
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agency.id });
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    typeId = (await apiAs(ctx, secretary).post('/record-types', typeInput('HS-GOC'))).body.id as string;
    for (let i = 0; i < 11; i++) {
      const created = await apiAs(ctx, staff).post('/records', {
        recordTypeId: typeId,
        title: `Hồ sơ cấp phép xây dựng số ${i}`,
        reference: `GPXD-${i}`,
        recordDate: '2025-03-31',
      });
      expect(created.status).toBe(201);
      due.push(created.body.id as string);
    }
    await runRetention(ctx);
  });
  afterAll(() => ctx.close());

  it('ux_record_type_agency_code: 20 creations of one code, or renames to it, keep one type', async () => {
    const created = await raceAtTableLock(ctx.db.url, 'record_type', 20, (i) =>
      apiAs(ctx, secretary).post('/record-types', typeInput(i % 2 ? 'HS-DUA-01' : 'hs-dua-01')),
    );
    expectOneWinner(created, 'RECORD_TYPE_CODE_TAKEN');

    const types = await race(20, (i) =>
      apiAs(ctx, secretary).post('/record-types', typeInput(`HS-RIENG-${i}`)),
    );
    expect(types.map((t) => t.status)).toEqual(Array(20).fill(201));
    const renamed = await raceAtTableLock(ctx.db.url, 'record_type', 20, (i) =>
      apiAs(ctx, secretary).patch(
        `/record-types/${types[i].body.id as string}`,
        { code: 'HS-CHUNG' },
        types[i].headers.etag,
      ),
    );
    expectOneWinner(renamed, 'RECORD_TYPE_CODE_TAKEN');
  });

  it('ux_disposal_item_open_record: 20 proposals of one record make one batch', async () => {
    const responses = await race(20, () => apiAs(ctx, secretary).post('/disposals', { recordIds: [due[0]] }));
    expectOneWinner(responses, 'DISPOSAL_RECORDS_NOT_ELIGIBLE');
  });

  it('ux_disposal_agency_number: 10 proposals of different records all succeed with distinct numbers', async () => {
    const responses = await race(10, (i) =>
      apiAs(ctx, secretary).post('/disposals', { recordIds: [due[i + 1]] }),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    const numbers = responses.map((r) => r.body.number as number);
    expect(new Set(numbers).size).toBe(10);
  });
});
