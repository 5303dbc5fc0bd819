import { createTestContext, TestContext } from '../support/test-app';

describe('health, OpenAPI and security headers', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('is live and ready with database, Redis and storage up', async () => {
    expect((await ctx.http().get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await ctx.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info).toMatchObject({
      database: { status: 'up' },
      redis: { status: 'up' },
      storage: { status: 'up' },
    });
  });

  it('publishes the OpenAPI document with bearer auth', async () => {
    const res = await ctx.http().get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.info.title).toBe('eISO API');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/users',
        '/api/v1/agencies',
        '/api/v1/audit-events/verify',
      ]),
    );
    expect(res.body.components.securitySchemes.bearer).toBeDefined();
    expect((await ctx.http().get('/api/docs/')).status).toBe(200);
  });

  it('sends security headers', async () => {
    const res = await ctx.http().get('/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
