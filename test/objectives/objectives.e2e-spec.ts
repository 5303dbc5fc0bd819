import { Role } from '@eiso/common';
import { ObjectiveDirectory } from '@eiso/objectives';
import { apiAs } from '../support/api-as';
import { samplePdf } from '../support/files';
import { expectOneWinner, race } from '../support/races';
import { FixedClock } from '../support/fixed-clock';
import { createObjective, onTimeObjective, recordMeasurement } from '../support/objective-flow';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

interface Measurement {
  id: string;
  period: string;
  value: number;
  version: number;
  [key: string]: unknown;
}

/**
 * Quality objectives through the API: who sets and edits them, who enters figures (the owner
 * unit's head, not another unit's), the status as figures arrive, the CSV import in both shapes
 * (all or nothing), the late dossiers of a month raised as one nonconformity, evidence files,
 * and ObjectiveDirectory.resultsIn over the same data.
 */
describe('objectives', () => {
  // 09:00 on 15/06/2026 in Vietnam.
  const clock = new FixedClock(new Date('2026-06-15T02:00:00Z'));
  let ctx: TestContext;
  let agencyId: string;
  let oneStop: string;
  let legal: string;
  let secretary: TestUser;
  let approver: TestUser;
  let head: TestUser;
  let otherHead: TestUser;
  let staff: TestUser;
  let auditor: TestUser;
  let secretaryB: TestUser;
  let overseer: TestUser;
  const api = (u: TestUser) => apiAs(ctx, u);

  beforeAll(async () => {
    ctx = await createTestContext({}, { clock });
    agencyId = (await ctx.newAgency({ name: 'Sở Tư pháp tỉnh Kon Tum' })).id;
    const agencyB = (await ctx.newAgency({ name: 'Sở Y tế tỉnh Kon Tum' })).id;
    oneStop = (await ctx.newOrgUnit(agencyId, 'Bộ phận Một cửa')).id;
    legal = (await ctx.newOrgUnit(agencyId, 'Phòng Hành chính tư pháp')).id;
    const unitB = (await ctx.newOrgUnit(agencyB, 'Văn phòng Sở')).id;
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId, fullName: 'Lê Thị Thư' });
    approver = await ctx.newUser({ roles: [Role.Approver], agencyId });
    head = await ctx.newUser({
      roles: [Role.Reviewer],
      agencyId,
      orgUnitId: oneStop,
      fullName: 'Trần Văn Một',
    });
    otherHead = await ctx.newUser({ roles: [Role.Reviewer], agencyId, orgUnitId: legal });
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId, orgUnitId: oneStop });
    auditor = await ctx.newUser({ roles: [Role.Auditor], agencyId });
    secretaryB = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agencyB, orgUnitId: unitB });
    overseer = await ctx.newUser({ roles: [Role.Overseer], agencyId });
  });

  afterAll(async () => ctx?.close());

  describe('objectives: create, edit, withdraw', () => {
    it('a manager creates an objective; the owner unit head is notified; everyone of the agency reads it', async () => {
      const res = await api(secretary).post('/objectives', onTimeObjective(oneStop));
      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({
        year: 2026,
        statement: '≥ 98% hồ sơ TTHC giải quyết đúng hạn',
        direction: 'at_least',
        target: 98,
        frequency: 'monthly',
        aggregation: 'average',
        ownerOrgUnitId: oneStop,
        ownerOrgUnitName: 'Bộ phận Một cửa',
        state: 'active',
        status: 'no_data',
        statusLabel: 'Chưa có số liệu',
        result: null,
        measuredPeriods: 0,
        totalPeriods: 12,
        measurements: [],
      });
      const notes = await api(head).get('/notifications?pageSize=50');
      expect(notes.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'objective.assigned',
            link: `/objectives/${res.body.id}`,
            title: 'Đơn vị được giao mục tiêu chất lượng năm 2026',
          }),
        ]),
      );
      const read = await api(staff).get(`/objectives/${res.body.id}`);
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      const trail = await ctx.sql<{ action: string }>(
        `SELECT action FROM audit_event WHERE entity_type = 'objective' AND entity_id = $1`,
        [res.body.id],
      );
      expect(trail.map((t) => t.action)).toEqual(['objective.created']);
    });

    it('the trail names the objective for readers of the agency; the admin sees it redacted', async () => {
      const o = await createObjective(api(secretary), oneStop, { statement: 'Mục tiêu về nhật ký' });
      await recordMeasurement(api(head), o.id, '2026-01', 99);
      const trail = await api(auditor).get(`/audit-events?entityType=objective&entityId=${o.id}`);
      expect(trail.status).toBe(200);
      expect(trail.body.items).toEqual([
        expect.objectContaining({
          action: 'objective.created',
          actionLabel: 'Xây dựng mục tiêu chất lượng',
          redacted: false,
          subjectName: 'Mục tiêu chất lượng năm 2026: Mục tiêu về nhật ký',
        }),
      ]);
      const figures = await api(auditor).get(`/audit-events?entityType=objective_measurement&pageSize=100`);
      expect(figures.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'objective_measurement.recorded',
            subjectName: 'Số liệu tháng 01/2026 của mục tiêu "Mục tiêu về nhật ký"',
          }),
        ]),
      );
      const admin = await apiAs(ctx, ctx.admin).get(`/audit-events?agencyId=${agencyId}&entityId=${o.id}`);
      expect(admin.status).toBe(200);
      expect(admin.body.items).toEqual([expect.objectContaining({ redacted: true, subjectName: null })]);
    });

    it('refuses: a role without objective.manage (403), overseer (403), bad input (400 naming the fields), unit of another agency (422)', async () => {
      expect((await api(head).post('/objectives', onTimeObjective(oneStop))).status).toBe(403);
      expect((await api(overseer).get('/objectives')).status).toBe(403);
      const bad = await api(secretary).post('/objectives', {
        ...onTimeObjective(oneStop),
        year: 1999,
        direction: 'more',
        target: 'abc',
        frequency: 'weekly',
        statement: ' ',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      const fields = (bad.body.details.errors as { field: string; message: string }[])
        .map((e) => e.field)
        .sort();
      expect(fields).toEqual(['direction', 'frequency', 'statement', 'target', 'year']);
      const foreign = await api(secretary).post(
        '/objectives',
        onTimeObjective((await ctx.newOrgUnit((await ctx.newAgency()).id)).id),
      );
      expect(foreign.status).toBe(422);
      expect(foreign.body.code).toBe('OBJECTIVE_ORG_UNIT_INVALID');
      expect(foreign.body.message).toBe('Đơn vị chủ trì phải là một đơn vị đang hoạt động của cơ quan.');
    });

    it('another agency answers 404; lists show only the agency’s own objectives', async () => {
      const o = await createObjective(api(secretary), oneStop, {
        statement: '100% TTHC có quy trình ISO hiệu lực',
      });
      expect((await api(secretaryB).get(`/objectives/${o.id}`)).status).toBe(404);
      expect((await api(secretaryB).patch(`/objectives/${o.id}`, { target: 90 }, '"1"')).status).toBe(404);
      const listB = await api(secretaryB).get('/objectives');
      expect(listB.body).toMatchObject({ items: [], total: 0 });
      const list = await api(auditor).get('/objectives?year=2026&q=quy%20tr%C3%ACnh');
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([o.id]);
    });

    it('edits take If-Match; year and frequency are fixed once measured; a withdrawn one takes nothing', async () => {
      const o = await createObjective(api(approver), oneStop, {
        statement: '≤ 2 phản ánh về thái độ phục vụ mỗi quý',
        direction: 'at_most',
        target: 2,
        frequency: 'quarterly',
        unit: 'phản ánh',
      });
      expect((await api(approver).patch(`/objectives/${o.id}`, { target: 3 })).status).toBe(428);
      expect((await api(approver).patch(`/objectives/${o.id}`, { target: 3 }, '"9"')).status).toBe(412);
      const edited = await api(approver).patch(`/objectives/${o.id}`, { target: 3, year: 2026 }, '"1"');
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ target: 3, version: 2 });
      await recordMeasurement(api(head), o.id, '2026-Q1', 1);
      const frozen = await api(approver).patch(`/objectives/${o.id}`, { frequency: 'monthly' }, '"2"');
      expect(frozen.status).toBe(409);
      expect(frozen.body.code).toBe('OBJECTIVE_HAS_MEASUREMENTS');
      expect((await api(approver).patch(`/objectives/${o.id}`, { year: 2027 }, '"2"')).body.code).toBe(
        'OBJECTIVE_HAS_MEASUREMENTS',
      );
      expect(
        (await api(head).post(`/objectives/${o.id}/withdraw`, { reason: 'Thay bằng mục tiêu khác' })).status,
      ).toBe(403);
      expect((await api(approver).post(`/objectives/${o.id}/withdraw`, {})).status).toBe(400);
      const withdrawn = await api(approver).post(`/objectives/${o.id}/withdraw`, {
        reason: 'Thay bằng mục tiêu khác',
      });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({
        state: 'withdrawn',
        stateLabel: 'Đã hủy bỏ',
        withdrawnReason: 'Thay bằng mục tiêu khác',
      });
      const again = await api(approver).patch(
        `/objectives/${o.id}`,
        { target: 4 },
        `"${withdrawn.body.version}"`,
      );
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('OBJECTIVE_WITHDRAWN');
      expect(
        (await api(head).post(`/objectives/${o.id}/measurements`, { period: '2026-Q2', value: 0 })).body.code,
      ).toBe('OBJECTIVE_WITHDRAWN');
      const trail = await ctx.sql<{ action: string }>(
        `SELECT action FROM audit_event WHERE entity_type = 'objective' AND entity_id = $1 ORDER BY seq`,
        [o.id],
      );
      expect(trail.map((t) => t.action).sort()).toEqual([
        'objective.created',
        'objective.updated',
        'objective.withdrawn',
      ]);
    });
  });

  describe('measurements and status', () => {
    let objectiveId: string;

    beforeAll(async () => {
      objectiveId = (await createObjective(api(secretary), oneStop, { statement: 'Mục tiêu đo trạng thái' }))
        .id;
    });

    it('the owner unit head enters figures; another unit’s head and staff cannot (403)', async () => {
      const other = await api(otherHead).post(`/objectives/${objectiveId}/measurements`, {
        period: '2026-01',
        value: 99,
      });
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('OBJECTIVE_NOT_OWNER_UNIT');
      expect(
        (await api(staff).post(`/objectives/${objectiveId}/measurements`, { period: '2026-01', value: 99 }))
          .status,
      ).toBe(403);
      const m = await api(head).post(`/objectives/${objectiveId}/measurements`, {
        period: '2026-01',
        value: 99,
        note: '300 hồ sơ',
      });
      expect(m.status).toBe(201);
      expect(m.body).toMatchObject({
        period: '2026-01',
        value: 99,
        meetsTarget: true,
        note: '300 hồ sơ',
        enteredByName: 'Trần Văn Một',
        periodStart: '2026-01-01',
        periodEnd: '2026-01-31',
      });
      expect((await api(secretary).get(`/objectives/${objectiveId}`)).body).toMatchObject({
        status: 'on_track',
        statusLabel: 'Đạt mục tiêu',
        result: 99,
      });
    });

    it('a month below the target makes it at risk; a good month after it brings it back', async () => {
      await recordMeasurement(api(head), objectiveId, '2026-02', 96);
      let o = (await api(head).get(`/objectives/${objectiveId}`)).body;
      expect(o).toMatchObject({
        status: 'at_risk',
        statusLabel: 'Có nguy cơ không đạt',
        result: 97.5,
        measuredPeriods: 2,
      });
      await recordMeasurement(api(head), objectiveId, '2026-03', 100);
      o = (await api(head).get(`/objectives/${objectiveId}`)).body;
      expect(o).toMatchObject({ status: 'on_track', result: 98.333333 });
      const list = await api(head).get('/objectives?status=on_track&pageSize=100');
      expect(list.body.items.map((i: { id: string }) => i.id)).toContain(objectiveId);
      const atRisk = await api(head).get('/objectives?status=at_risk&pageSize=100');
      expect(atRisk.body.items.map((i: { id: string }) => i.id)).not.toContain(objectiveId);
    });

    it('refuses a second figure for a period (409), a period of the wrong shape, year or the future (422), bad values (400)', async () => {
      const twice = await api(head).post(`/objectives/${objectiveId}/measurements`, {
        period: '2026-01',
        value: 50,
      });
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({
        code: 'OBJECTIVE_MEASUREMENT_EXISTS',
        message: 'Kỳ tháng 01/2026 đã có số liệu; hãy sửa số liệu đã nhập.',
      });
      const quarter = await api(head).post(`/objectives/${objectiveId}/measurements`, {
        period: '2026-Q1',
        value: 50,
      });
      expect(quarter.status).toBe(422);
      expect(quarter.body.code).toBe('OBJECTIVE_PERIOD_INVALID');
      expect(quarter.body.message).toContain('ví dụ: 2026-01');
      const lastYear = await api(head).post(`/objectives/${objectiveId}/measurements`, {
        period: '2025-12',
        value: 50,
      });
      expect(lastYear.body.message).toBe('Kỳ đo "2025-12" không thuộc năm 2026 của mục tiêu.');
      const future = await api(head).post(`/objectives/${objectiveId}/measurements`, {
        period: '2026-07',
        value: 50,
      });
      expect(future.status).toBe(422);
      expect(future.body.code).toBe('OBJECTIVE_PERIOD_IN_FUTURE');
      // The current month has begun: it may be entered.
      for (const value of ['abc', null, 1e13]) {
        const bad = await api(head).post(`/objectives/${objectiveId}/measurements`, {
          period: '2026-06',
          value,
        });
        expect(bad.status).toBe(400);
        expect(bad.body.details.errors[0].field).toBe('value');
      }
      expect(
        (await api(head).post(`/objectives/bad-id/measurements`, { period: '2026-06', value: 1 })).status,
      ).toBe(400);
      const count = await ctx.sql(`SELECT 1 FROM objective_measurement WHERE objective_id = $1`, [
        objectiveId,
      ]);
      expect(count).toHaveLength(3);
    });

    it('uq_objective_measurement_period: 10 parallel figures for one period make one (the others 409)', async () => {
      const responses = await race(10, (i) =>
        api(i % 2 ? head : secretary).post(`/objectives/${objectiveId}/measurements`, {
          period: '2026-05',
          value: 90 + i,
        }),
      );
      expectOneWinner(responses, 'OBJECTIVE_MEASUREMENT_EXISTS');
      const rows = await ctx.sql(
        `SELECT 1 FROM objective_measurement WHERE objective_id = $1 AND period = '2026-05'`,
        [objectiveId],
      );
      expect(rows).toHaveLength(1);
    });

    it('a figure is corrected with If-Match, audited with the old and new value', async () => {
      const detail = (await api(head).get(`/objectives/${objectiveId}`)).body;
      const feb = detail.measurements.find((m: Measurement) => m.period === '2026-02') as Measurement;
      const path = `/objectives/${objectiveId}/measurements/${feb.id}`;
      expect((await api(head).patch(path, { value: 98 })).status).toBe(428);
      expect((await api(otherHead).patch(path, { value: 98 }, '"1"')).status).toBe(403);
      const fixed = await api(head).patch(path, { value: 98.5, note: 'Rà soát lại số liệu' }, '"1"');
      expect(fixed.status).toBe(200);
      expect(fixed.headers.etag).toBe('"2"');
      expect(fixed.body).toMatchObject({ value: 98.5, version: 2, meetsTarget: true });
      const [event] = await ctx.sql<{ action: string; before: { value: number }; after: { value: number } }>(
        `SELECT action, before, after FROM audit_event WHERE entity_type = 'objective_measurement' AND entity_id = $1 AND action = 'objective_measurement.updated'`,
        [feb.id],
      );
      expect(event).toMatchObject({ before: { value: 96 }, after: { value: 98.5 } });
      expect((await api(secretaryB).patch(path, { value: 1 }, '"2"')).status).toBe(404);
    });

    it('evidence files: the owner unit uploads, readers list and download, another unit cannot upload', async () => {
      const detail = (await api(head).get(`/objectives/${objectiveId}`)).body;
      const jan = detail.measurements.find((m: Measurement) => m.period === '2026-01') as Measurement;
      const files = `/objectives/${objectiveId}/measurements/${jan.id}/files`;
      const pdf = await samplePdf('bao-cao-thang-1');
      const up = await api(head).upload(files, 'bao-cao-thang-1.pdf', pdf);
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({
        name: 'bao-cao-thang-1.pdf',
        mediaType: 'application/pdf',
        size: pdf.length,
      });
      expect((await api(otherHead).upload(files, 'khac.pdf', pdf)).status).toBe(403);
      const listed = await api(auditor).get(files);
      expect(listed.body).toEqual([expect.objectContaining({ id: up.body.id })]);
      const download = await api(auditor).binary(`${files}/${up.body.id}`);
      expect(download.status).toBe(200);
      expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
      expect((await api(secretaryB).get(files)).status).toBe(404);
      expect((await api(head).del(`${files}/${up.body.id}`)).status).toBe(204);
      expect((await api(auditor).get(files)).body).toEqual([]);
    });
  });

  describe('CSV import', () => {
    it('values shape: creates new periods, updates measured ones (audited with the old value)', async () => {
      const o = await createObjective(api(secretary), oneStop, { statement: 'Mục tiêu nhập CSV giá trị' });
      const jan = await recordMeasurement(api(head), o.id, '2026-01', 90);
      const csv =
        '\uFEFFky;gia_tri;ghi_chu\r\n2026-01;98,2;Sửa theo báo cáo\r\n2026-02;99;\r\n2026-03;97,5;Có 5 hồ sơ trễ\r\n';
      const res = await api(head).upload(
        `/objectives/${o.id}/measurements/import`,
        'so-lieu.csv',
        Buffer.from(csv),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ created: ['2026-02', '2026-03'], updated: ['2026-01'] });
      expect(res.body.objective.measurements.map((m: Measurement) => [m.period, m.value])).toEqual([
        ['2026-01', 98.2],
        ['2026-02', 99],
        ['2026-03', 97.5],
      ]);
      expect(res.body.objective).toMatchObject({ status: 'at_risk', result: 98.233333 });
      const [event] = await ctx.sql<{ before: { value: number }; after: { value: number } }>(
        `SELECT before, after FROM audit_event WHERE entity_id = $1 AND action = 'objective_measurement.updated'`,
        [jan.id],
      );
      expect(event).toMatchObject({ before: { value: 90 }, after: { value: 98.2 } });
    });

    it('all or nothing: one bad row names every bad row and field, nothing is written', async () => {
      const o = await createObjective(api(secretary), oneStop, { statement: 'Mục tiêu nhập CSV lỗi' });
      const before = await ctx.sql(`SELECT count(*)::int AS n FROM audit_event`);
      const csv = 'ky,gia_tri,ghi_chu\n2026-01,98,\n2026-02,chín mươi,\n2026-09,99,\n';
      const res = await api(head).upload(
        `/objectives/${o.id}/measurements/import`,
        'so-lieu.csv',
        Buffer.from(csv),
      );
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('OBJECTIVE_IMPORT_INVALID');
      expect(res.body.details.errors).toEqual([
        {
          line: 3,
          message: 'Dòng 3, giá trị: Giá trị "chín mươi" không phải là một số hợp lệ.',
        },
        {
          line: 4,
          message:
            'Dòng 4, kỳ đo: Kỳ đo tháng 09/2026 chưa bắt đầu: không nhập số liệu cho kỳ trong tương lai.',
        },
      ]);
      expect(
        await ctx.sql(`SELECT 1 FROM objective_measurement WHERE objective_id = $1`, [o.id]),
      ).toHaveLength(0);
      expect(await ctx.sql(`SELECT count(*)::int AS n FROM audit_event`)).toEqual(before);
      const notCsv = await api(head).upload(
        `/objectives/${o.id}/measurements/import`,
        'so-lieu.pdf',
        await samplePdf('x'),
      );
      expect(notCsv.status).toBe(415);
      const other = await api(otherHead).upload(
        `/objectives/${o.id}/measurements/import`,
        'so-lieu.csv',
        Buffer.from('ky,gia_tri\n2026-01,99\n'),
      );
      expect(other.status).toBe(403);
    });

    it('one-stop shape: % on time per month with the per-TTHC detail; late dossiers raise ONE nonconformity', async () => {
      const o = await createObjective(api(secretary), oneStop, { statement: 'Mục tiêu hồ sơ một cửa' });
      const csv = [
        'ky,ma_tthc,ten_tthc,dung_han,tre_han',
        '2026-04,1.000948,Cấp phiếu lý lịch tư pháp,120,3',
        '2026-04,2.001234,Chứng thực bản sao từ bản chính,77,2',
        '2026-05,1.000948,Cấp phiếu lý lịch tư pháp,100,0',
      ].join('\n');
      const res = await api(head).upload(
        `/objectives/${o.id}/measurements/import`,
        'mot-cua.csv',
        Buffer.from(csv),
      );
      expect(res.status).toBe(201);
      expect(res.body.created).toEqual(['2026-04', '2026-05']);
      const [april, may] = res.body.objective.measurements as Measurement[];
      expect(april).toMatchObject({
        period: '2026-04',
        value: 97.52, // 100 × 197 / 202
        note: '202 hồ sơ, 5 trễ hạn',
        lateDossiers: 5,
        meetsTarget: false,
        nonconformityId: null,
        detail: {
          tthc: [
            { code: '1.000948', name: 'Cấp phiếu lý lịch tư pháp', onTime: 120, late: 3 },
            { code: '2.001234', name: 'Chứng thực bản sao từ bản chính', onTime: 77, late: 2 },
          ],
        },
      });
      expect(may).toMatchObject({ value: 100, lateDossiers: 0 });

      const raisePath = (m: Measurement) => `/objectives/${o.id}/measurements/${m.id}/nonconformity`;
      // objective.measure without nonconformity.raise is not enough; nor is another unit's head.
      expect((await api(otherHead).post(raisePath(april))).status).toBe(403);
      const none = await api(head).post(raisePath(may));
      expect(none.status).toBe(422);
      expect(none.body.code).toBe('OBJECTIVE_NO_LATE_DOSSIERS');
      const raised = await api(head).post(raisePath(april));
      expect(raised.status).toBe(201);
      expect(raised.body.nonconformityNumber).toMatch(/^\d{2}\/2026$/);
      const nc = await api(secretary).get(`/nonconformities/${raised.body.nonconformityId}`);
      expect(nc.status).toBe(200);
      expect(nc.body).toMatchObject({
        source: 'late_dossier',
        severity: 'minor',
        clause: '8.7',
        orgUnitId: oneStop,
        number: raised.body.nonconformityNumber,
        title: 'Hồ sơ TTHC giải quyết trễ hạn tháng 04/2026: 5 hồ sơ',
        // The export counts dossiers, not days: the month's summary carries no day count.
        tthcCode: '1.000948, 2.001234',
        dossierNumber: 'Tổng hợp tháng 04/2026',
        daysLate: null,
      });
      expect(nc.body.description).toContain('Mục tiêu hồ sơ một cửa');
      expect(nc.body.description).toContain('1.000948 Cấp phiếu lý lịch tư pháp (3 hồ sơ trễ hạn)');
      expect(nc.body.description).toContain('2.001234 Chứng thực bản sao từ bản chính (2 hồ sơ trễ hạn)');
      const twice = await api(head).post(raisePath(april));
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('OBJECTIVE_NONCONFORMITY_EXISTS');
      expect(twice.body.message).toBe(
        `Đã ghi nhận sự không phù hợp số ${raised.body.nonconformityNumber} cho hồ sơ trễ hạn của kỳ đo này.`,
      );
      const ncs = await ctx.sql(
        `SELECT 1 FROM nonconformity WHERE source = 'late_dossier' AND agency_id = $1`,
        [agencyId],
      );
      expect(ncs).toHaveLength(1);
      const detail = (await api(staff).get(`/objectives/${o.id}`)).body;
      expect(detail.measurements[0]).toMatchObject({
        nonconformityId: raised.body.nonconformityId,
        nonconformityNumber: raised.body.nonconformityNumber,
      });
    });

    it('one-stop shape on a quarterly objective is refused', async () => {
      const o = await createObjective(api(secretary), oneStop, {
        statement: 'Mục tiêu theo quý',
        frequency: 'quarterly',
      });
      const res = await api(head).upload(
        `/objectives/${o.id}/measurements/import`,
        'mot-cua.csv',
        Buffer.from('ky,ma_tthc,ten_tthc,dung_han,tre_han\n2026-04,1.1,A,1,0\n'),
      );
      expect(res.status).toBe(422);
      expect(res.body.details.errors[0].message).toContain('chỉ nhập được cho mục tiêu đo hằng tháng');
    });
  });

  describe('ObjectiveDirectory.resultsIn', () => {
    it('answers the measurements inside the range, their aggregation and the status as of the end', async () => {
      const agency = (await ctx.newAgency({ name: 'Sở Công Thương' })).id;
      const unit = (await ctx.newOrgUnit(agency, 'Văn phòng')).id;
      const sec = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agency, orgUnitId: unit });
      const a = await createObjective(api(sec), unit);
      const b = await createObjective(api(sec), unit, {
        statement: '≤ 3 phản ánh',
        direction: 'at_most',
        target: 3,
        aggregation: 'sum',
        unit: 'phản ánh',
        frequency: 'quarterly',
      });
      const gone = await createObjective(api(sec), unit, { statement: 'Mục tiêu đã hủy' });
      await api(sec).post(`/objectives/${gone.id}/withdraw`, { reason: 'Không còn phù hợp' });
      await createObjective(api(sec), unit, { statement: 'Mục tiêu năm 2027', year: 2027 });
      for (const [p, v] of [
        ['2026-01', 99],
        ['2026-02', 97],
        ['2026-03', 100],
        ['2026-04', 96],
      ] as const) {
        await recordMeasurement(api(sec), a.id, p, v);
      }
      await recordMeasurement(api(sec), b.id, '2026-Q1', 1);
      await recordMeasurement(api(sec), b.id, '2026-Q2', 1);
      const results = await ctx.app.get(ObjectiveDirectory).resultsIn(agency, '2026-01-01', '2026-03-31');
      expect(results).toHaveLength(2);
      expect([...results].sort((x, y) => (x.id === a.id ? -1 : y.id === a.id ? 1 : 0))).toEqual([
        {
          id: a.id,
          year: 2026,
          statement: '≥ 98% hồ sơ TTHC giải quyết đúng hạn',
          kpiName: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn',
          unit: '%',
          direction: 'at_least',
          target: 98,
          ownerOrgUnitId: unit,
          ownerOrgUnitName: 'Văn phòng',
          measurements: [
            { period: '2026-01', value: 99 },
            { period: '2026-02', value: 97 },
            { period: '2026-03', value: 100 },
          ],
          result: 98.666667,
          // As of 31/03 the April figure does not count; the latest (March) meets the target.
          status: 'on_track',
        },
        expect.objectContaining({
          id: b.id,
          direction: 'at_most',
          measurements: [{ period: '2026-Q1', value: 1 }],
          result: 1,
          // A sum in progress is projected: 1 a quarter is 4 a year, above the 3 allowed.
          status: 'at_risk',
        }),
      ]);
      const q2 = await ctx.app.get(ObjectiveDirectory).resultsIn(agency, '2026-04-01', '2026-06-30');
      expect(q2.find((r) => r.id === a.id)).toMatchObject({
        measurements: [{ period: '2026-04', value: 96 }],
        result: 96,
        status: 'at_risk',
      });
      expect(q2.find((r) => r.id === b.id)).toMatchObject({ result: 1 });
      // A range spanning two years includes the next year's objectives too.
      expect(
        await ctx.app.get(ObjectiveDirectory).resultsIn(agency, '2026-12-01', '2027-01-31'),
      ).toHaveLength(3);
      expect(await ctx.app.get(ObjectiveDirectory).resultsIn(agency, '2025-01-01', '2025-12-31')).toEqual([]);
    });
  });
});
