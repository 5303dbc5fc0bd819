import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import { AppConfig } from '@eiso/config';

/**
 * Pings Redis on its own lazy connection, so a readiness probe never waits behind queue traffic.
 * Bounded: no offline queue (a command while disconnected fails at once), a command timeout (a
 * stalled Redis), and a deadline over the whole check, so `/health/ready` answers 503 in time.
 */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private client?: Redis;

  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async check(key: string): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    if (!this.config.REDIS_URL) return indicator.up({ mode: 'in-process' });
    const timeoutMs = this.config.REDIS_COMMAND_TIMEOUT_MS;
    this.client ??= new Redis(this.config.REDIS_URL, {
      lazyConnect: true,
      enableOfflineQueue: false,
      commandTimeout: timeoutMs,
      connectTimeout: timeoutMs,
      maxRetriesPerRequest: 0,
      // Reconnects in the background; each check reports what it finds meanwhile.
      retryStrategy: () => Math.min(timeoutMs, 1000),
    });
    const client = this.client;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.ping(client), deadline]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    } finally {
      clearTimeout(timer);
    }
  }

  private async ping(client: Redis): Promise<void> {
    if (client.status === 'wait') await client.connect();
    await client.ping();
  }

  onModuleDestroy(): void {
    // Not quit(): a stalled Redis would never answer it.
    this.client?.disconnect();
  }
}
