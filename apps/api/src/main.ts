import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigValidationError, loadConfig, resolveSigningSecret } from '@eiso/config';
import { runMigrations, startEmbeddedPostgres } from '@eiso/database';
import { createApiApp, DOCS_PATH } from './create-api-app';

async function main(): Promise<void> {
  const logger = new Logger('Bootstrap');
  const config = loadConfig(process.env);
  const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres(config.EISO_DATA_DIR);
  const databaseUrl = config.DATABASE_URL ?? embedded!.url;
  if (embedded) {
    logger.log(`Hồ sơ embedded: PostgreSQL nhúng (PGlite) tại ${embedded.dataDir}`);
    // No separate migration job here: bring the schema up to date before serving.
    const ran = await runMigrations(databaseUrl);
    if (ran.length) logger.log(`Đã chạy migration: ${ran.join(', ')}`);
  }
  const app = await createApiApp({ config, databaseUrl, signingSecret: resolveSigningSecret(config) });
  // Close the app, then the embedded database, so PGlite flushes its files before exit.
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`Nhận tín hiệu ${signal}: đang dừng eISO API…`);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(signal));
  await app.listen(config.PORT, config.HOST);
  const base = `http://localhost:${config.PORT}`;
  app
    .get(Logger)
    .log(
      `eISO API (hồ sơ ${config.profile}) đang chạy tại ${base}/api/v1 — tài liệu API: ${base}/${DOCS_PATH}`,
    );
}

main().catch((error: unknown) => {
  const text =
    error instanceof ConfigValidationError
      ? error.message
      : `Không khởi động được eISO API: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  process.stderr.write(`${text}\n`);
  process.exit(1);
});
