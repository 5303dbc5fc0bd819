import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { closeWithin } from '@eiso/common';
import { ConfigValidationError, loadConfig, resolveSigningSecret } from '@eiso/config';
import { WorkerModule } from './worker.module';

/** `npm run start:worker`: runs the BullMQ processors of the services profile. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (!config.DATABASE_URL || !config.REDIS_URL) {
    throw new Error(
      'Tiến trình worker cần DATABASE_URL và REDIS_URL (hồ sơ services). ' +
        'Ở hồ sơ embedded, `npm start` đã chạy các công việc ngay trong tiến trình API.',
    );
  }
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot({
      config,
      databaseUrl: config.DATABASE_URL,
      signingSecret: resolveSigningSecret(config),
    }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  await app.init();
  const logger = app.get(Logger);
  const waitLimit = `${(config.SHUTDOWN_TIMEOUT_MS / 1000).toLocaleString('vi-VN')} giây`;
  // Running jobs get SHUTDOWN_TIMEOUT_MS to finish before the queues and the database close. A job
  // still running then is left to BullMQ: once its lock expires it is stalled and runs again
  // (handlers are safe to run twice), so the worker exits rather than wait for it.
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`Nhận tín hiệu ${signal}: đang dừng worker (chờ công việc đang chạy tối đa ${waitLimit})…`);
    // Nothing to cut here: a handler cannot be stopped from outside, so no grace after the deadline.
    const outcome = await closeWithin(() => app.close(), {
      timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
      graceMs: 0,
    }).catch((error: unknown) => {
      logger.error(`Lỗi khi dừng worker: ${error instanceof Error ? error.message : String(error)}`);
      return 'failed' as const;
    });
    if (outcome === 'closed' || outcome === 'cut') {
      logger.log('Worker đã dừng');
      process.exit(0);
    }
    if (outcome !== 'failed') {
      logger.warn(
        `Hết ${waitLimit} chờ dừng mà công việc vẫn chạy: worker thoát; BullMQ sẽ chạy lại ` +
          'công việc dở dang khi khóa của nó hết hạn',
      );
    }
    process.exit(1);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(signal));
  logger.log(`eISO worker (hồ sơ ${config.profile}) đã sẵn sàng nhận công việc`);
}

main().catch((error: unknown) => {
  const text =
    error instanceof ConfigValidationError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`${text}\n`);
  process.exit(1);
});
