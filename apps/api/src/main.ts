import 'reflect-metadata';
import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { closeWithin, CloseOutcome } from '@eiso/common';
import { ConfigValidationError, loadConfig, resolveSigningSecret } from '@eiso/config';
import { EmbeddedDatabaseError, runMigrations, startEmbeddedPostgres } from '@eiso/database';
import { createApiApp, DOCS_PATH } from './create-api-app';
import { DemoSeederService } from './demo/demo-seeder.service';
import { watchHttpDrain } from './http/http-drain';
import { ListenError, listenErrorMessage } from './listen-error';
import { findWebRoot } from './web/web-root';
import { installProcessErrorHandlers } from './process-errors';

async function main(): Promise<void> {
  // Logged, with the request id when known; no request may rely on them (see process-errors.ts).
  installProcessErrorHandlers(process);
  const logger = new Logger('Bootstrap');
  // Logged once the app's JSON logger is in place, so every line has the same shape.
  const notes: string[] = [];
  const config = loadConfig(process.env);
  const embedded = config.DATABASE_URL
    ? null
    : await startEmbeddedPostgres(config.EISO_DATA_DIR, {
        log: (line) => notes.push(line),
        // The API cannot answer without its database: say why, and let a supervisor restart both.
        onUnexpectedExit: (detail) => {
          logger.fatal(detail);
          process.exit(1);
        },
      });
  const databaseUrl = config.DATABASE_URL ?? embedded!.url;
  if (embedded) {
    notes.push(
      `Hồ sơ embedded: ${embedded.version} nhúng, dữ liệu tại ${embedded.dataDir}, ` +
        `chỉ nghe trên 127.0.0.1:${embedded.port}`,
    );
    // No separate migration job here: bring the schema up to date before serving.
    const ran = await runMigrations(databaseUrl);
    if (ran.length) notes.push(`Đã chạy migration: ${ran.join(', ')}`);
  }
  const app = await createApiApp({ config, databaseUrl, signingSecret: resolveSigningSecret(config) });
  for (const note of notes) logger.log(note);
  const http = watchHttpDrain(app.getHttpServer() as Server);
  const waitLimit = `${(config.SHUTDOWN_TIMEOUT_MS / 1000).toLocaleString('vi-VN')} giây`;
  // Close the app first, then the embedded database (a fast shutdown writes a checkpoint). Requests
  // and jobs in flight get SHUTDOWN_TIMEOUT_MS to finish; then their connections are cut.
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`Nhận tín hiệu ${signal}: đang dừng eISO API (chờ việc đang chạy tối đa ${waitLimit})…`);
    http.begin();
    const outcome: CloseOutcome | 'failed' = await closeWithin(() => app.close(), {
      timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
      cut: () => {
        logger.warn(
          `Hết ${waitLimit} chờ dừng: ngắt ${http.inFlight} yêu cầu còn đang chạy và mọi kết nối còn mở`,
        );
        http.cut();
      },
    }).catch((error: unknown) => {
      logger.error(`Lỗi khi dừng eISO API: ${error instanceof Error ? error.message : String(error)}`);
      return 'failed' as const;
    });
    if (outcome === 'stuck') logger.error('eISO API vẫn chưa đóng xong sau khi ngắt kết nối: thoát luôn');
    await embedded?.stop();
    if (outcome === 'closed' || outcome === 'cut') logger.log('eISO API đã dừng');
    process.exit(outcome === 'closed' || outcome === 'cut' ? 0 : 1);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(signal));
  await app.init();
  if (config.seedsDemoProvince) await app.get(DemoSeederService).seedIfEmpty();
  try {
    await app.listen(config.PORT, config.HOST);
  } catch (error) {
    const problem = listenErrorMessage(error, config.PORT, config.HOST);
    if (!problem) throw error;
    // Nothing was served: close what was opened (the embedded database writes its checkpoint).
    await app.close();
    await embedded?.stop();
    throw new ListenError(problem);
  }
  const base = `http://localhost:${config.PORT}`;
  const web = findWebRoot() ? `ứng dụng web: ${base}/ — ` : '';
  logger.log(
    `eISO (hồ sơ ${config.profile}) đang chạy: ${web}API: ${base}/api/v1 — tài liệu API: ${base}/${DOCS_PATH}`,
  );
}

main().catch((error: unknown) => {
  const text =
    error instanceof ConfigValidationError ||
    error instanceof EmbeddedDatabaseError ||
    error instanceof ListenError
      ? error.message
      : `Không khởi động được eISO API: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  process.stderr.write(`${text}\n`);
  process.exit(1);
});
