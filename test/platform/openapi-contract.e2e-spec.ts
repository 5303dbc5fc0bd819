import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger';
import { ROLE_PERMISSIONS, Role } from '@eiso/common';
import { buildOfflineOpenApiDocument } from '../../apps/api/src/http/openapi/offline-openapi-document';
import { serializeOpenApiDocument } from '../../apps/api/src/http/openapi/openapi-document';
import { contractProblems } from '../support/openapi-contract-rules';
import { listOperations, parametersOf } from '../support/openapi-operations';
import { routeFactsByOperationId } from '../support/openapi-route-facts';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
const NIL_ID = '00000000-0000-4000-8000-000000000000';

/** How the server refuses a request without a header it requires. */
const MISSING_HEADER_STATUS: Record<string, number> = { 'if-match': 428 };

/** JSON pointers where two documents differ (the first 20), e.g. `/paths/~1api~1v1~1me/get: missing`. */
function differences(actual: unknown, expected: unknown, at = ''): string[] {
  if (JSON.stringify(actual) === JSON.stringify(expected)) return [];
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
  if (!isObject(actual) || !isObject(expected) || Array.isArray(actual) !== Array.isArray(expected)) {
    return [
      `${at || '/'}: ${JSON.stringify(actual)?.slice(0, 120)} ≠ ${JSON.stringify(expected)?.slice(0, 120)}`,
    ];
  }
  const keys = [...new Set([...Object.keys(actual), ...Object.keys(expected)])].sort();
  return keys
    .flatMap((key) =>
      differences(actual[key], expected[key], `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
    )
    .slice(0, 20);
}

/** Fails with where `actual` departs from `expected`, and what to do about it. */
function expectSameDocument(actual: string, expected: string, remedy: string): void {
  if (actual === expected) return;
  const where = differences(JSON.parse(actual), JSON.parse(expected));
  throw new Error(`${remedy}\n  ${(where.length ? where : ['(formatting only)']).join('\n  ')}`);
}

describe('OpenAPI contract', () => {
  let ctx: TestContext;
  let served: OpenAPIObject;
  let generated: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    served = (await ctx.http().get('/api/docs-json').expect(200)).body as OpenAPIObject;
    generated = serializeOpenApiDocument(await buildOfflineOpenApiDocument());
  });
  afterAll(() => ctx.close());

  it('builds offline the document the running app serves', () => {
    expect(serializeOpenApiDocument(served)).toBe(generated);
  });

  it('has openapi.json committed as the build writes it (after a route change: npm run openapi)', () => {
    expectSameDocument(
      readFileSync(join(ROOT, 'openapi.json'), 'utf8'),
      generated,
      'openapi.json (left) is not the document of the sources (right): run `npm run openapi`',
    );
  });

  it('is written by the built script with no database, Redis or S3 configured', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eiso-openapi-'));
    try {
      const target = join(dir, 'openapi.json');
      // Only what node needs: no DATABASE_URL, REDIS_URL, S3_* or JWT_SECRET.
      const env = { PATH: process.env.PATH ?? '', HOME: dir };
      await promisify(execFile)(process.execPath, [join(ROOT, 'dist/apps/api/src/cli/openapi.js'), target], {
        cwd: dir,
        env,
        timeout: 60_000,
      });
      // The build compiles with tsc, jest with swc: a property whose schema rests on emitted type
      // metadata (no explicit `type`) can come out differently, and the build's is what ships.
      expectSameDocument(
        readFileSync(target, 'utf8'),
        generated,
        'The built document (left) is not the one of the sources under jest (right). Either dist is ' +
          'stale (npm run build), or a property relies on design-time type metadata, which tsc and ' +
          'swc emit differently (unions with null, unannotated initialisers): give it an explicit `type`.',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('types every property: no bare `type: object` where a scalar was meant (tsc metadata of `T | null`)', () => {
    const schemas = (served.components?.schemas ?? {}) as Record<string, SchemaObject>;
    const bare = Object.entries(schemas).flatMap(([name, schema]) =>
      Object.entries((schema.properties ?? {}) as Record<string, SchemaObject>)
        .filter(
          ([, property]) =>
            property.type === 'object' &&
            !property.properties &&
            property.additionalProperties === undefined &&
            !property.allOf?.length,
        )
        .map(([key]) => `${name}.${key}`),
    );
    // Give such a property an explicit `type` (String, 'integer', …) in its @ApiProperty.
    expect(bare).toEqual([]);
  });

  it('documents, for every operation, a success schema and the errors it can answer', () => {
    const facts = routeFactsByOperationId(ctx.app);
    const operations = listOperations(served);
    expect(operations.length).toBeGreaterThan(60);
    const problems = operations.flatMap((op) =>
      contractProblems(op, facts.get(String(op.operation.operationId))).map((p) => `${op.label}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  /**
   * Drives each operation that documents a required header without it, as a user with the route's
   * permission and nil ids: a server that requires the header refuses first (428 for If-Match);
   * one that does not goes on and answers something else (404 for the nil ids).
   */
  async function requiredHeaderLies(document: OpenAPIObject): Promise<{ driven: number; lies: string[] }> {
    const facts = routeFactsByOperationId(ctx.app);
    const agency = await ctx.newAgency();
    const users = new Map<Role, TestUser>([[Role.Admin, ctx.admin]]);
    const userWith = async (permission: string): Promise<TestUser> => {
      const role = (Object.keys(ROLE_PERMISSIONS) as Role[]).find((r) =>
        (ROLE_PERMISSIONS[r] as readonly string[]).includes(permission),
      )!;
      if (!users.has(role)) users.set(role, await ctx.newUser({ roles: [role], agencyId: agency.id }));
      return users.get(role)!;
    };
    const lies: string[] = [];
    let driven = 0;
    for (const op of listOperations(document)) {
      const route = facts.get(String(op.operation.operationId));
      for (const header of parametersOf(op.operation).filter((p) => p.in === 'header' && p.required)) {
        const refusal = MISSING_HEADER_STATUS[header.name.toLowerCase()];
        if (!refusal) {
          lies.push(`${op.label}: required header ${header.name} has no known refusal in this test`);
          continue;
        }
        const call = ctx.http()[op.method as 'post'](op.path.replace(/\{[^}]+\}/g, NIL_ID));
        if (route?.permission) void call.set('Authorization', (await userWith(route.permission)).auth);
        const res = await call.send({});
        driven += 1;
        if (res.status !== refusal) {
          lies.push(
            `${op.label}: header ${header.name} is documented as required, yet without it the server ` +
              `answered ${res.status} ${String((res.body as { code?: string }).code ?? '')} instead of ${refusal}`,
          );
        }
      }
    }
    return { driven, lies };
  }

  it('marks a header required only where the server refuses a request without it', async () => {
    const { driven, lies } = await requiredHeaderLies(served);
    expect(driven).toBeGreaterThan(0);
    expect(lies).toEqual([]);
  });

  it('would catch If-Match marked required on a transition that only honours it', async () => {
    const submit = '/api/v1/documents/{id}/versions/{vid}/submit';
    const doctored = JSON.parse(JSON.stringify(served)) as OpenAPIObject;
    const operation = doctored.paths[submit].post!;
    const ifMatch = parametersOf(operation).find((p) => p.name.toLowerCase() === 'if-match');
    expect(ifMatch).toBeDefined();
    ifMatch!.required = true;
    doctored.paths = { [submit]: { post: operation } };
    const { lies } = await requiredHeaderLies(doctored);
    expect(lies).toEqual([
      expect.stringMatching(
        /^POST .*\/submit: header If-Match is documented as required, yet without it the server answered 404 /,
      ),
    ]);
  });
});
