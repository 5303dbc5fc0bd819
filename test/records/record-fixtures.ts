import { JobName } from '@eiso/common';
import { JobHandlerRegistry } from '@eiso/queue';
import { binaryParser } from '../documents/document-fixtures';
import { TestContext, TestUser } from '../support/test-app';

/** Requests as one user, under /api/v1. */
export function apiAs(ctx: TestContext, user: TestUser) {
  return {
    get: (path: string) => ctx.http().get(`/api/v1${path}`).set('Authorization', user.auth),
    post: (path: string, body: object = {}) =>
      ctx.http().post(`/api/v1${path}`).set('Authorization', user.auth).send(body),
    patch: (path: string, body: object, etag?: string) => {
      const req = ctx.http().patch(`/api/v1${path}`).set('Authorization', user.auth);
      return (etag ? req.set('If-Match', etag) : req).send(body);
    },
    upload: (path: string, name: string, bytes: Buffer) =>
      ctx.http().post(`/api/v1${path}`).set('Authorization', user.auth).attach('file', bytes, name),
    binary: (path: string) =>
      ctx.http().get(`/api/v1${path}`).set('Authorization', user.auth).buffer(true).parse(binaryParser),
  };
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

/** The actions on the audit trail about one entity, in chain order. */
export async function auditActions(ctx: TestContext, entityId: string): Promise<string[]> {
  const rows = await ctx.sql<{ action: string }>(
    'SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq',
    [entityId],
  );
  return rows.map((r) => r.action);
}
