import { randomUUID } from 'node:crypto';
import { Role } from '@eiso/common';
import { freePort, RunningProcess, startProcess, waitForOk } from '../support/process';
import { createTestContext, TestContext, testEnv, TestUser } from '../support/test-app';
import {
  BAD_BODIES,
  BAD_HEADERS,
  BAD_MULTIPARTS,
  BAD_QUERY_VALUES,
  BadCase,
  forgedTokens,
} from './bad-input';
import { ApiOperation, readOperations } from './openapi-operations';

/**
 * The API as an attacker or a careless client meets it: every operation of the OpenAPI document,
 * as every role, another agency, a forged token and no token, with each class of bad input from
 * issue 9. The API is the built one in a process of its own, so "the process is still up" is
 * literal. Fixtures are made in this process on the same database (same signing secret), so the
 * tokens minted here are valid there.
 *
 * Asserted for every answer: no 5xx; an error answer has the DESIGN §11 body with the request id of
 * its `X-Request-Id` header; and after each operation's cases the process still answers.
 */
describe('robustness over the OpenAPI document', () => {
  let ctx: TestContext;
  let api: RunningProcess;
  let base: string;
  let operations: ApiOperation[];
  const actors: Record<string, string | null> = {};
  /** Real ids for path parameters, by parameter name and by path prefix. */
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestContext();
    const own = await ctx.newAgency({ name: 'Sở Tư pháp (thử độ bền)' });
    const foreign = await ctx.newAgency({ name: 'Sở Y tế (thử độ bền)' });
    const users: Record<string, TestUser> = {};
    for (const role of [
      Role.Drafter,
      Role.Reviewer,
      Role.Approver,
      Role.IsoSecretary,
      Role.Auditor,
      Role.Staff,
    ]) {
      users[role] = await ctx.newUser({ roles: [role], agencyId: own.id });
    }
    users.foreign = await ctx.newUser({ roles: [Role.IsoSecretary, Role.Drafter], agencyId: foreign.id });
    const overseerAgency = await ctx.newAgency({ name: 'Sở Khoa học và Công nghệ (thử độ bền)' });
    users.overseer = await ctx.newUser({ roles: [Role.Overseer], agencyId: overseerAgency.id });
    actors.anonymous = null;
    actors.admin = ctx.admin.auth;
    for (const [name, user] of Object.entries(users)) actors[name] = user.auth;
    const secret = ctx.config.JWT_SECRET!;
    for (const [name, token] of Object.entries(forgedTokens(users[Role.IsoSecretary].token, secret))) {
      actors[`forged:${name}`] = `Bearer ${token}`;
    }

    // One real thing of each kind in the own agency, so bad input reaches past "not found".
    const http = ctx.http();
    const doc = await http
      .post('/api/v1/documents')
      .set('Authorization', users[Role.Drafter].auth)
      .send({ code: 'QT-BEN-01', title: 'Quy trình thử độ bền', type: 'procedure' });
    ids.documentId = doc.body.id;
    ids.versionId = doc.body.currentVersion?.id;
    const recordType = await ctx
      .http()
      .post('/api/v1/record-types')
      .set('Authorization', users[Role.IsoSecretary].auth)
      .send({ code: 'HS-BEN', name: 'Hồ sơ thử độ bền', retentionMonths: 12 });
    ids.recordTypeId = recordType.body.id;
    const record = await ctx
      .http()
      .post('/api/v1/records')
      .set('Authorization', users[Role.IsoSecretary].auth)
      .send({ recordTypeId: ids.recordTypeId, title: 'Hồ sơ số 1', recordDate: '2026-11-30' });
    ids.recordId = record.body.id;
    ids.agencyId = own.id;
    ids.userId = users[Role.Staff].id;
    const unit = await ctx.newOrgUnit(own.id);
    ids.unitId = unit.id;

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = testEnv(ctx.db.url, { PORT: String(port), HOST: '127.0.0.1' });
    api = startProcess('dist/apps/api/src/main.js', {
      ...env,
      JWT_SECRET: secret,
      S3_BUCKET: ctx.config.S3_BUCKET!,
      QUEUE_PREFIX: ctx.config.QUEUE_PREFIX,
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    });
    await waitForOk(`${base}/health/ready`, api, 60_000);
    operations = await readOperations(base);
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await ctx?.close();
  });

  /** Fills path parameters with the fixture's ids (or a random UUID when there is none). */
  const pathFor = (op: ApiOperation, override?: string): string =>
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (override !== undefined) return override;
      const key = pathIdKey(op.path, name);
      return ids[key] ?? randomUUID();
    });

  const failures: string[] = [];
  const send = async (
    op: ApiOperation,
    label: string,
    init: {
      path?: string;
      auth?: string | null;
      headers?: Record<string, string>;
      body?: string | Buffer;
      mustRefuse?: boolean;
    },
  ): Promise<void> => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.auth) headers.authorization = init.auth;
    let res: Response;
    try {
      res = await fetch(`${base}${init.path ?? pathFor(op)}`, {
        method: op.method,
        headers,
        body: op.method === 'GET' || op.method === 'HEAD' ? undefined : init.body,
        redirect: 'manual',
      });
    } catch (error) {
      failures.push(`${op.method} ${op.path} [${label}] → no answer (${String(error)})`);
      return;
    }
    const text = await res.text();
    if ((label === 'anonymous' || label.startsWith('forged:')) && res.status < 400 && !isPublic(op.path)) {
      failures.push(`${op.method} ${op.path} [${label}] → ${res.status}: let in without a valid token`);
      return;
    }
    if (init.mustRefuse && res.status < 400) {
      failures.push(`${op.method} ${op.path} [${label}] → ${res.status}: accepted`);
      return;
    }
    if (res.status >= 500) {
      failures.push(`${op.method} ${op.path} [${label}] → ${res.status} ${text.slice(0, 160)}`);
      return;
    }
    if (res.status >= 400) {
      let body: { code?: unknown; message?: unknown; requestId?: unknown } = {};
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        failures.push(`${op.method} ${op.path} [${label}] → ${res.status} without a JSON error body`);
        return;
      }
      const requestId = res.headers.get('x-request-id');
      if (
        typeof body.code !== 'string' ||
        typeof body.message !== 'string' ||
        !requestId ||
        body.requestId !== requestId
      ) {
        failures.push(
          `${op.method} ${op.path} [${label}] → ${res.status} error body ${text.slice(0, 160)} (X-Request-Id ${requestId})`,
        );
      }
    }
  };

  const stillUp = async (op: ApiOperation): Promise<void> => {
    if (api.child.exitCode !== null) throw new Error(`the API process ended during ${op.method} ${op.path}`);
    const res = await fetch(`${base}/health/live`).catch(() => null);
    if (res?.status !== 200) throw new Error(`the API stopped answering after ${op.method} ${op.path}`);
  };

  it('reads the operations of the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(50);
  });

  it('answers every operation as every actor without a 5xx, with the error body of DESIGN §11', async () => {
    for (const op of operations) {
      for (const [actor, auth] of Object.entries(actors)) {
        await send(op, actor, {
          auth,
          headers: op.jsonBody ? { 'content-type': 'application/json' } : {},
          body: op.jsonBody ? '{}' : undefined,
        });
      }
      // Another agency's ids, as the own agency's ISO secretary, and malformed ids.
      await send(op, 'random uuid', { path: pathFor(op, randomUUID()), auth: actors[Role.IsoSecretary] });
      if (op.path.includes('{')) {
        await send(op, 'not a uuid', {
          path: pathFor(op, 'khong-phai-uuid'),
          auth: actors[Role.IsoSecretary],
        });
        await send(op, 'NUL in path', { path: pathFor(op, '%00'), auth: actors[Role.IsoSecretary] });
      }
      await stillUp(op);
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('answers every class of bad input with a 4xx, and stays up', async () => {
    failures.length = 0;
    const privileged = [actors.admin, actors[Role.IsoSecretary], actors[Role.Drafter]];
    for (const op of operations) {
      for (const auth of privileged) {
        const run = async (c: BadCase, init: Parameters<typeof send>[2]): Promise<void> =>
          send(op, c.name, {
            auth,
            mustRefuse: c.mustRefuse,
            ...init,
            headers: { ...c.headers, ...init.headers },
          });
        if (op.jsonBody) {
          for (const c of BAD_BODIES(op.jsonBody)) await run(c, { body: c.body });
        }
        if (op.multipart) {
          for (const c of BAD_MULTIPARTS()) await run(c, { body: c.body });
        }
        for (const param of op.queryParams) {
          for (const c of BAD_QUERY_VALUES) {
            const sep = op.path.includes('?') ? '&' : '?';
            await run(c, { path: `${pathFor(op)}${sep}${encodeURIComponent(param)}=${c.value}` });
          }
        }
        for (const c of BAD_HEADERS) {
          await run(c, {
            body: op.jsonBody ? '{}' : undefined,
            headers: { 'content-type': 'application/json' },
          });
        }
      }
      await stillUp(op);
    }
    expect(failures).toEqual([]);
  }, 900_000);
});

/** Which fixture id a path parameter takes: by name, then by what the path is about. */
function pathIdKey(path: string, name: string): string {
  if (name === 'vid') return 'versionId';
  if (name === 'agencyId') return 'agencyId';
  if (name === 'unitId') return 'unitId';
  if (name === 'token' || name === 'fid') return '';
  if (path.startsWith('/api/v1/documents')) return 'documentId';
  if (path.startsWith('/api/v1/record-types')) return 'recordTypeId';
  if (path.startsWith('/api/v1/records')) return 'recordId';
  if (path.startsWith('/api/v1/agencies')) return 'agencyId';
  if (path.startsWith('/api/v1/users')) return 'userId';
  return '';
}

/** Routes that answer without a session (DESIGN §7). */
function isPublic(path: string): boolean {
  return /^\/api\/v1\/auth\/(login|refresh|logout)$|^\/health\/|^\/api\/v1\/storage\/links\//.test(path);
}
