import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
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
  // Running jobs finish before the queues and the database close; then a clean exit code.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.log(`Nhận tín hiệu ${signal}: đang dừng worker…`);
      void app.close().then(() => process.exit(0));
    });
  }
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
