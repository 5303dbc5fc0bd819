import { redisService } from '../faults/support/child-services';
import { freePort } from '../support/process';
import { createTestContext, TestContext } from '../support/test-app';

/**
 * `/health/ready` with Redis stalled (SIGSTOP) or down: the check answers 503 within the command
 * timeout instead of hanging, and 200 again once Redis is back.
 */
const COMMAND_TIMEOUT_MS = 1000;

describe('readiness with Redis stalled or down', () => {
  let ctx: TestContext;
  let redis: ReturnType<typeof redisService>;

  beforeAll(async () => {
    redis = redisService(await freePort());
    await redis.start();
    ctx = await createTestContext({
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      REDIS_COMMAND_TIMEOUT_MS: String(COMMAND_TIMEOUT_MS),
    });
  });

  afterAll(async () => {
    redis?.thaw();
    await ctx?.close();
    await redis?.kill();
  });

  const ready = async (): Promise<{ status: number; ms: number; redis: unknown; retryAfter: unknown }> => {
    const started = Date.now();
    const answer = await ctx.http().get('/health/ready');
    type Checks = { details?: Record<string, unknown>; error?: Record<string, unknown> };
    // 200: terminus's result; 503: the error body, with terminus's result as its details.
    const result = (
      answer.status === 200 ? answer.body : (answer.body as { details?: Checks }).details
    ) as Checks;
    return {
      status: answer.status,
      ms: Date.now() - started,
      redis: result.details?.redis ?? result.error?.redis,
      retryAfter: answer.headers['retry-after'],
    };
  };

  it('answers 200 with Redis up', async () => {
    expect(await ready()).toMatchObject({ status: 200, redis: { status: 'up' } });
  });

  it('answers 503 within the command timeout while Redis is stalled, 200 once it wakes', async () => {
    redis.freeze();
    try {
      for (let i = 0; i < 2; i += 1) {
        const answer = await ready();
        expect(answer).toMatchObject({ status: 503, redis: { status: 'down' }, retryAfter: '30' });
        expect(answer.ms).toBeLessThan(COMMAND_TIMEOUT_MS + 2000);
      }
    } finally {
      redis.thaw();
    }
    const deadline = Date.now() + 10_000;
    let last = await ready();
    while (last.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      last = await ready();
    }
    expect(last).toMatchObject({ status: 200, redis: { status: 'up' } });
  });

  it('answers 503 at once while Redis is down, 200 once it is back', async () => {
    await redis.kill();
    const answer = await ready();
    expect(answer).toMatchObject({ status: 503, redis: { status: 'down' } });
    expect(answer.ms).toBeLessThan(COMMAND_TIMEOUT_MS + 2000);
    await redis.start();
    const deadline = Date.now() + 10_000;
    let last = await ready();
    while (last.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      last = await ready();
    }
    expect(last).toMatchObject({ status: 200, redis: { status: 'up' } });
  });
});
