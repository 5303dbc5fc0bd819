import { JobName } from '@eiso/common';
import { JobHandlerRegistry } from '@eiso/queue';
import { apiAs } from './api-as';
import { TestContext, TestUser } from './test-app';

/** An entry of the Danh mục hồ sơ (five years unless `body` says otherwise), by an ISO secretary. */
export async function newRecordType(
  ctx: TestContext,
  secretary: TestUser,
  responsibleOrgUnitId: string,
  code: string,
  body: object = {},
): Promise<{ id: string; code: string }> {
  const res = await apiAs(ctx, secretary).post('/record-types', {
    code,
    name: `Hồ sơ ${code}`,
    retentionMonths: 60,
    storagePlace: 'Tủ hồ sơ Văn phòng',
    responsibleOrgUnitId,
    ...body,
  });
  expect(res.status).toBe(201);
  return { id: res.body.id, code };
}

/** A record of `recordTypeId` filed by `user`, dated 2021-03-15 unless `body` says otherwise. */
export async function newRecord(
  ctx: TestContext,
  user: TestUser,
  recordTypeId: string,
  body: object = {},
): Promise<{ id: string }> {
  const res = await apiAs(ctx, user).post('/records', {
    recordTypeId,
    title: 'Hồ sơ cấp giấy phép xây dựng nhà ở riêng lẻ',
    recordDate: '2021-03-15',
    ...body,
  });
  expect(res.status).toBe(201);
  return { id: res.body.id };
}

/**
 * A record dated 2020-03-31 and already past its retention, as the daily retention job would
 * leave it (due for disposal since 2021-03-31), without running the job.
 */
export async function dueRecord(
  ctx: TestContext,
  user: TestUser,
  recordTypeId: string,
  body: object = {},
): Promise<{ id: string }> {
  const record = await newRecord(ctx, user, recordTypeId, {
    title: 'Chứng từ thanh toán quý I/2020',
    recordDate: '2020-03-31',
    ...body,
  });
  await ctx.sql(
    `UPDATE record SET state = 'due_for_disposal', retention_end = '2021-03-31', due_at = now() WHERE id = $1`,
    [record.id],
  );
  return record;
}

/** A disposal batch of one record past its retention (filed by `filer`), proposed by the secretary; its id. */
export async function proposedBatch(
  ctx: TestContext,
  secretary: TestUser,
  filer: TestUser,
  recordTypeId: string,
): Promise<string> {
  const record = await dueRecord(ctx, filer, recordTypeId);
  const proposed = await apiAs(ctx, secretary).post('/disposals', { recordIds: [record.id] });
  expect(proposed.status).toBe(201);
  return proposed.body.id as string;
}

/** Runs the daily retention job once, in the worker, now. */
export function runRetention(ctx: TestContext, jobId = 'test-retention'): Promise<void> {
  return ctx.worker!.get(JobHandlerRegistry).dispatch(JobName.RecordsRetention, {}, { jobId, attempt: 1 });
}

/** Runs the dispose job of a batch once more, in the worker, now. */
export function runDispose(ctx: TestContext, disposalId: string): Promise<void> {
  return ctx
    .worker!.get(JobHandlerRegistry)
    .dispatch(JobName.RecordsDispose, { disposalId }, { jobId: `test-dispose-${disposalId}`, attempt: 1 });
}
