import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CanActivate, ExecutionContext, INestApplication, Injectable, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, NestFactory, Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { Actor, DomainException, ErrorCode, hasPermission, Permission, Role } from '@eiso/common';
import { DatabaseModule, TransactionRunner } from '@eiso/database';
import { AgenciesHttpModule } from '../../apps/api/src/agencies/agencies-http.module';
import { AuthenticatedRequest } from '../../apps/api/src/auth/current-actor.decorator';
import { REQUIRED_PERMISSION } from '../../apps/api/src/auth/require-permission.decorator';
import { HttpExceptionFilter } from '../../apps/api/src/http/http-exception.filter';
import { NfcPipe } from '../../apps/api/src/http/nfc.pipe';
import { createValidationPipe } from '../../apps/api/src/http/validation.pipe';
import { createTestDatabase, TestDatabase } from '../support/database';

/*
 * The agencies routes with the app's real filter and pipes, behind a stand-in for the global guard:
 * it enforces each route's declared permission like AuthGuard, but reads the actor from a header
 * instead of a token, so that this suite does not depend on the rest of the app booting.
 */
const FIXTURE_PATH = join(__dirname, '../fixtures/kontum-agencies-2020.csv');
const ACTOR_HEADER = 'x-test-actor';

@Injectable()
class HeaderActorGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers[ACTOR_HEADER];
    if (!permission) throw new DomainException(ErrorCode.Forbidden);
    if (typeof header !== 'string') throw new DomainException(ErrorCode.AuthRequired);
    const actor = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Actor;
    if (!hasPermission(actor.roles, permission))
      throw new DomainException(ErrorCode.Forbidden, { permission });
    request.actor = actor;
    return true;
  }
}

@Module({})
class AgenciesHttpTestModule {}

interface TestUser {
  auth: string;
}

function user(roles: Role[], agencyId: string | null = null): TestUser {
  const actor: Actor = {
    userId: randomUUID(),
    username: 'test',
    agencyId,
    orgUnitId: null,
    roles,
    requestId: 'http',
  };
  return { auth: Buffer.from(JSON.stringify(actor)).toString('base64url') };
}

describe('agencies over HTTP', () => {
  let db: TestDatabase;
  let app: INestApplication;
  const admin = user([Role.Admin]);
  const agencyA = { id: randomUUID(), name: 'Sở Thử nghiệm A' };
  const agencyB = { id: randomUUID(), name: 'Sở Thử nghiệm B' };
  const secretaryA = user([Role.IsoSecretary], agencyA.id);
  const staffA = user([Role.Staff], agencyA.id);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await NestFactory.create(
      {
        module: AgenciesHttpTestModule,
        imports: [DatabaseModule.forRoot(db.url, 5), AgenciesHttpModule],
        providers: [
          { provide: APP_GUARD, useClass: HeaderActorGuard },
          { provide: APP_FILTER, useClass: HttpExceptionFilter },
          { provide: APP_PIPE, useClass: NfcPipe },
          { provide: APP_PIPE, useFactory: createValidationPipe },
        ],
      },
      { logger: false },
    );
    app.setGlobalPrefix('api/v1');
    await app.init();
    for (const agency of [agencyA, agencyB]) {
      await app
        .get(TransactionRunner)
        .db.query(
          `INSERT INTO agency (id, name, level, roadmap_year) VALUES ($1, $2, 'province_department', 2025)`,
          [agency.id, agency.name],
        );
    }
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const ctx = { http: (): TestAgent => request(app.getHttpServer()) };

  it('creates an agency with an ETag, and edits it only with a matching If-Match', async () => {
    const created = await ctx
      .http()
      .post('/api/v1/agencies')
      .set(ACTOR_HEADER, admin.auth)
      .send({ name: 'Ủy ban nhân dân tỉnh Kon Tum', level: 'province', code: 'UBND-KT' });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      name: 'Ủy ban nhân dân tỉnh Kon Tum',
      status: 'active',
      validFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
      version: 1,
    });
    expect(Object.keys(created.body).sort()).toEqual(
      ['code', 'createdAt', 'id', 'level', 'name', 'parentId', 'roadmapYear', 'status', 'successorId']
        .concat(['updatedAt', 'validFrom', 'validTo', 'version'])
        .sort(),
    );
    const url = `/api/v1/agencies/${created.body.id}`;

    const unconditional = await ctx
      .http()
      .patch(url)
      .set(ACTOR_HEADER, admin.auth)
      .send({ roadmapYear: 2025 });
    expect(unconditional.status).toBe(428);
    expect(unconditional.body.code).toBe('PRECONDITION_REQUIRED');

    const weak = await ctx
      .http()
      .patch(url)
      .set(ACTOR_HEADER, admin.auth)
      .set('If-Match', 'W/"1"')
      .send({ roadmapYear: 2025 });
    expect(weak.status).toBe(200);
    expect(weak.headers.etag).toBe('"2"');
    expect(weak.body).toMatchObject({ roadmapYear: 2025, version: 2 });

    const stale = await ctx
      .http()
      .patch(url)
      .set(ACTOR_HEADER, admin.auth)
      .set('If-Match', '"1"')
      .send({ roadmapYear: 2030 });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'PRECONDITION_FAILED', details: { currentVersion: 2 } });

    const read = await ctx.http().get(url).set(ACTOR_HEADER, admin.auth);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"2"');

    const taken = await ctx
      .http()
      .post('/api/v1/agencies')
      .set(ACTOR_HEADER, admin.auth)
      .send({ name: 'Cơ quan khác', level: 'other', code: 'ubnd-kt' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('AGENCY_CODE_TAKEN');
  });

  it('imports the roadmap CSV once, and reports it unchanged the second time', async () => {
    const upload = () =>
      ctx
        .http()
        .post('/api/v1/agencies/import')
        .set(ACTOR_HEADER, admin.auth)
        .attach('file', readFileSync(FIXTURE_PATH), {
          filename: 'kontum-agencies-2020.csv',
          contentType: 'text/csv',
        });
    const first = await upload();
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      total: 147,
      created: 147,
      updated: 0,
      unchanged: 0,
      byRoadmapYear: { 2025: 35, 2027: 10, 2030: 102 },
    });
    const second = await upload();
    expect(second.body).toMatchObject({ created: 0, unchanged: 147 });

    const list = await ctx
      .http()
      .get('/api/v1/agencies')
      .query({ q: 'dak ha', level: 'district', sort: 'name:asc' })
      .set(ACTOR_HEADER, admin.auth);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(list.body.items[0].name).toBe('Ủy ban nhân dân huyện Đăk Hà');
    const communes = await ctx
      .http()
      .get('/api/v1/agencies')
      .query({ roadmapYear: '2030', level: 'commune', page: '3', pageSize: '50' })
      .set(ACTOR_HEADER, admin.auth);
    expect(communes.body).toMatchObject({ total: 102, page: 3, pageSize: 50 });
    expect(communes.body.items).toHaveLength(2);
  });

  it('answers the broken lines of a bad CSV, and refuses files that are not CSV', async () => {
    const bad = await ctx
      .http()
      .post('/api/v1/agencies/import')
      .set(ACTOR_HEADER, admin.auth)
      .attach('file', Buffer.from('no,group,level,deadline_year,district,name\n1,I,ministry,2025,,Bộ X\n'), {
        filename: 'bad.csv',
        contentType: 'text/csv',
      });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      code: 'AGENCY_IMPORT_INVALID',
      message: 'Tệp danh sách cơ quan không hợp lệ.',
      details: { errors: [{ line: 2, message: expect.stringContaining('ministry') }] },
    });

    const xlsx = await ctx
      .http()
      .post('/api/v1/agencies/import')
      .set(ACTOR_HEADER, admin.auth)
      .attach('file', Buffer.from('PK\x03\x04'), {
        filename: 'ds.xlsx',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
    expect(xlsx.status).toBe(415);

    const none = await ctx
      .http()
      .post('/api/v1/agencies/import')
      .set(ACTOR_HEADER, admin.auth)
      .field('parentId', agencyA.id);
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: [{ field: 'file' }] } });

    const tooLarge = await ctx
      .http()
      .post('/api/v1/agencies/import')
      .set(ACTOR_HEADER, admin.auth)
      .attach('file', Buffer.alloc(2 * 1024 * 1024 + 1, 0x41), {
        filename: 'big.csv',
        contentType: 'text/csv',
      });
    expect(tooLarge.status).toBe(413);
  });

  it('documents every route in OpenAPI, the import as a multipart upload', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/v1/agencies',
      '/api/v1/agencies/import',
      '/api/v1/agencies/{agencyId}/org-units',
      '/api/v1/agencies/{agencyId}/org-units/{unitId}',
      '/api/v1/agencies/{id}',
    ]);
    expect(document.paths['/api/v1/agencies/import'].post?.requestBody).toMatchObject({
      content: { 'multipart/form-data': expect.anything() },
    });
  });

  it('validates queries and bodies at the edge', async () => {
    const badSort = await ctx.http().get('/api/v1/agencies?sort=password:asc').set(ACTOR_HEADER, admin.auth);
    expect(badSort.status).toBe(400);
    const unknownField = await ctx
      .http()
      .post('/api/v1/agencies')
      .set(ACTOR_HEADER, admin.auth)
      .send({ name: 'Sở mới', level: 'other', status: 'merged' });
    expect(unknownField.status).toBe(400);
    const badId = await ctx.http().get('/api/v1/agencies/not-a-uuid').set(ACTOR_HEADER, admin.auth);
    expect(badId.status).toBe(400);
  });

  it('keeps agencies and their units within the caller’s own agency', async () => {
    const own = await ctx.http().get('/api/v1/agencies').set(ACTOR_HEADER, staffA.auth);
    expect((own.body as { items: { id: string }[] }).items.map((a) => a.id)).toEqual([agencyA.id]);
    const other = await ctx.http().get(`/api/v1/agencies/${agencyB.id}`).set(ACTOR_HEADER, staffA.auth);
    expect(other.status).toBe(404);
    const create = await ctx
      .http()
      .post('/api/v1/agencies')
      .set(ACTOR_HEADER, secretaryA.auth)
      .send({ name: 'Sở mới', level: 'other' });
    expect(create.status).toBe(403);
    const importing = await ctx
      .http()
      .post('/api/v1/agencies/import')
      .set(ACTOR_HEADER, secretaryA.auth)
      .attach('file', readFileSync(FIXTURE_PATH), 'kontum.csv');
    expect(importing.status).toBe(403);

    const unit = await ctx
      .http()
      .post(`/api/v1/agencies/${agencyA.id}/org-units`)
      .set(ACTOR_HEADER, secretaryA.auth)
      .send({ name: 'Phòng Hành chính - Tổng hợp' });
    expect(unit.status).toBe(201);
    expect(unit.headers.etag).toBe('"1"');
    const elsewhere = await ctx
      .http()
      .post(`/api/v1/agencies/${agencyB.id}/org-units`)
      .set(ACTOR_HEADER, secretaryA.auth)
      .send({ name: 'Phòng Hành chính - Tổng hợp' });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.code).toBe('AGENCY_NOT_FOUND');

    const read = await ctx
      .http()
      .get(`/api/v1/agencies/${agencyA.id}/org-units/${unit.body.id}`)
      .set(ACTOR_HEADER, staffA.auth);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    const staffEdit = await ctx
      .http()
      .patch(`/api/v1/agencies/${agencyA.id}/org-units/${unit.body.id}`)
      .set(ACTOR_HEADER, staffA.auth)
      .set('If-Match', '"1"')
      .send({ name: 'Văn phòng' });
    expect(staffEdit.status).toBe(403);
    const edit = await ctx
      .http()
      .patch(`/api/v1/agencies/${agencyA.id}/org-units/${unit.body.id}`)
      .set(ACTOR_HEADER, secretaryA.auth)
      .set('If-Match', '"1"')
      .send({ name: 'Văn phòng' });
    expect(edit.status).toBe(200);
    expect(edit.headers.etag).toBe('"2"');
    const list = await ctx
      .http()
      .get(`/api/v1/agencies/${agencyA.id}/org-units`)
      .set(ACTOR_HEADER, staffA.auth);
    expect(list.body).toMatchObject({ total: 1, items: [{ name: 'Văn phòng', version: 2 }] });
  });
});
