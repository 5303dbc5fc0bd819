import 'reflect-metadata';
import { loadConfig } from '@eiso/config';
import { startEmbeddedPostgres } from '../embedded/embedded-postgres';
import { runMigrations } from '../run-migrations';

/** `npm run migration:run`: applies pending migrations to DATABASE_URL, or to the embedded database. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const embedded = config.DATABASE_URL
    ? null
    : await startEmbeddedPostgres(config.EISO_DATA_DIR, {
        log: (line) => process.stderr.write(`${line}\n`),
      });
  try {
    const ran = await runMigrations(config.DATABASE_URL ?? embedded!.url);
    process.stdout.write(
      ran.length
        ? `Đã chạy ${ran.length} migration: ${ran.join(', ')}\n`
        : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.\n',
    );
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
