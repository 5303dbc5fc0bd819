import { randomBytes, randomUUID } from 'node:crypto';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { Clock, Role, systemActor } from '@eiso/common';
import { AppConfig, loadConfig } from '@eiso/config';
import { TransactionRunner } from '@eiso/database';
import { AuthService, UsersService } from '@eiso/identity';
import { createApiApp, DOCS_PATH } from '../../apps/api/src/create-api-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestDatabase, TestDatabase } from './database';
import { OpenApiResponseCheck } from './openapi-response-check';

export const ADMIN_PASSWORD = 'Admin-Test-2026';
export const USER_PASSWORD = 'MatKhau-123';

export interface TestUser {
  id: string;
  username: string;
  agencyId: string | null;
  roles: Role[];
  token: string;
  /** `Authorization` header value. */
  auth: string;
}

export interface TestAgency {
  id: string;
  name: string;
}

export interface TestContext {
  app: INestApplication;
  /** The worker process's module, booted in this process when asked for (jobs run there). */
  worker: INestApplicationContext | null;
  config: AppConfig;
  db: TestDatabase;
  http: () => TestAgent;
  admin: TestUser;
  newAgency(
    overrides?: Partial<{
      name: string;
      level: string;
      roadmapYear: number;
      code: string;
      parentId: string;
      abbreviation: string;
      place: string;
    }>,
  ): Promise<TestAgency>;
  newUser(options: {
    roles: Role[];
    agencyId?: string | null;
    username?: string;
    fullName?: string;
    position?: string;
    orgUnitId?: string;
    email?: string;
  }): Promise<TestUser>;
  newOrgUnit(agencyId: string, name?: string): Promise<{ id: string; name: string }>;
  login(username: string, password?: string): Promise<TestUser>;
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Settings of a test app: the run's real PostgreSQL, Redis and s3rver, isolated by name. */
export function testEnv(databaseUrl: string, overrides: Record<string, string> = {}): Record<string, string> {
  const id = randomBytes(4).toString('hex');
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.EISO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `${process.env.EISO_TEST_QUEUE_PREFIX ?? 'eiso-test'}-${id}`,
    S3_ENDPOINT: process.env.EISO_TEST_S3_ENDPOINT ?? '',
    S3_ACCESS_KEY: process.env.EISO_TEST_S3_ACCESS_KEY ?? '',
    S3_SECRET_KEY: process.env.EISO_TEST_S3_SECRET_KEY ?? '',
    S3_BUCKET: `eiso-test-${id}`,
    S3_PART_SIZE_MB: '5',
    JWT_SECRET: randomBytes(32).toString('hex'),
    EISO_ADMIN_PASSWORD: ADMIN_PASSWORD,
    EISO_SCHEDULER: 'false',
    LOG_LEVEL: process.env.EISO_TEST_LOG_LEVEL ?? 'silent',
    DATABASE_POOL_SIZE: '5',
    ...overrides,
  };
}

/** Boots the real API on a fresh database of its own, with fixture helpers and tokens minted up front. */
export async function createTestContext(
  overrides: Record<string, string> = {},
  options: {
    worker?: boolean;
    clock?: Clock;
    /** The URL the app (not the fixtures) connects with, e.g. through a TCP proxy (tcp-proxy.ts). */
    appDatabaseUrl?: (url: string) => string;
  } = {},
): Promise<TestContext> {
  const db = await createTestDatabase();
  const config = loadConfig(testEnv(db.url, overrides));
  const app = await createApiApp({
    config,
    databaseUrl: options.appDatabaseUrl?.(db.url) ?? db.url,
    signingSecret: config.JWT_SECRET!,
    clock: options.clock,
  });
  // Every response of the suite is checked against the app's OpenAPI document (openapi-suite-hooks.ts).
  const responses = new OpenApiResponseCheck();
  app.use(responses.middleware);
  await app.init();
  responses.use((await request(app.getHttpServer()).get(`/${DOCS_PATH}-json`).expect(200)).body);
  const worker = options.worker
    ? await NestFactory.createApplicationContext(
        WorkerModule.forRoot({
          config,
          databaseUrl: db.url,
          signingSecret: config.JWT_SECRET!,
          clock: options.clock,
        }),
        { logger: ['error', 'warn'] },
      )
    : null;
  await worker?.init();
  const tx = app.get(TransactionRunner);
  const users = app.get(UsersService);
  const auth = app.get(AuthService);

  const login = async (username: string, password = USER_PASSWORD): Promise<TestUser> => {
    const session = await auth.login(username, password, 'test');
    return {
      id: session.user.id,
      username,
      agencyId: session.user.agencyId,
      roles: session.user.roles,
      token: session.accessToken,
      auth: `Bearer ${session.accessToken}`,
    };
  };
  const admin = await login('admin', ADMIN_PASSWORD);
  const adminActor = { ...systemActor('fixture'), userId: admin.id, username: 'admin', roles: [Role.Admin] };

  return {
    app,
    worker,
    config,
    db,
    admin,
    http: () => request(app.getHttpServer()),
    async newAgency(o = {}) {
      const id = randomUUID();
      const name = o.name ?? `Cơ quan thử nghiệm ${id.slice(0, 8)}`;
      await tx.db.query(
        `INSERT INTO agency (id, code, name, level, roadmap_year, parent_id, abbreviation, place)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          o.code ?? null,
          name,
          o.level ?? 'province_department',
          o.roadmapYear ?? 2025,
          o.parentId ?? null,
          o.abbreviation ?? null,
          o.place ?? null,
        ],
      );
      return { id, name };
    },
    async newOrgUnit(agencyId, name) {
      const id = randomUUID();
      const unitName = name ?? `Phòng ${id.slice(0, 8)}`;
      await tx.db.query(`INSERT INTO org_unit (id, agency_id, name) VALUES ($1, $2, $3)`, [
        id,
        agencyId,
        unitName,
      ]);
      return { id, name: unitName };
    },
    async newUser({ roles, agencyId, username, fullName, position, orgUnitId, email }) {
      const name = username ?? `u${randomBytes(5).toString('hex')}`;
      await users.create(adminActor, {
        username: name,
        fullName: fullName ?? `Người dùng ${name}`,
        password: USER_PASSWORD,
        agencyId: agencyId === undefined ? null : agencyId,
        roles,
        position,
        orgUnitId,
        email,
        // Fixtures log in at once; the temporary-password flow has suites of its own.
        temporaryPassword: false,
      });
      return login(name);
    },
    login,
    sql: <T>(query: string, params: unknown[] = []): Promise<T[]> => tx.db.query<T[]>(query, params),
    async close() {
      await worker?.close();
      await app.close();
      await db.drop();
    },
  };
}
