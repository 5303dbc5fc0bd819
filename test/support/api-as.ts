import { binaryParser } from './files';
import { TestContext, TestUser } from './test-app';

/** Requests as one user, under /api/v1. */
export function apiAs(ctx: TestContext, user: TestUser) {
  return {
    get: (path: string) => ctx.http().get(`/api/v1${path}`).set('Authorization', user.auth),
    post: (path: string, body: object = {}) =>
      ctx.http().post(`/api/v1${path}`).set('Authorization', user.auth).send(body),
    /** With `etag`, sent as If-Match. */
    patch: (path: string, body: object, etag?: string) => {
      const req = ctx.http().patch(`/api/v1${path}`).set('Authorization', user.auth);
      return (etag ? req.set('If-Match', etag) : req).send(body);
    },
    del: (path: string) => ctx.http().delete(`/api/v1${path}`).set('Authorization', user.auth),
    /** A multipart upload of `bytes` as the part `file`, after the given form fields. */
    upload: (path: string, name: string, bytes: Buffer, fields: Record<string, string> = {}) => {
      let req = ctx.http().post(`/api/v1${path}`).set('Authorization', user.auth);
      for (const [field, value] of Object.entries(fields)) req = req.field(field, value);
      return req.attach('file', bytes, name);
    },
    binary: (path: string) =>
      ctx.http().get(`/api/v1${path}`).set('Authorization', user.auth).buffer(true).parse(binaryParser),
  };
}

export type ApiClient = ReturnType<typeof apiAs>;
