import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DomainException, errorMessageOf } from '@eiso/common';
import { ConfigValidationError, loadConfig } from '@eiso/config';
import { runMigrations, startEmbeddedPostgres } from '@eiso/database';
import { CliModule } from './cli.module';
import { COMMANDS } from './commands';
import { OFFLINE_COMMANDS } from './offline-commands';

/** `npm run cli -- <command> …`: administration from the shell, on the same rules and audit trail as the API. */
async function main(argv: string[]): Promise<number> {
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  const [name, ...args] = argv;
  const command = name && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  const offline = name && Object.hasOwn(OFFLINE_COMMANDS, name) ? OFFLINE_COMMANDS[name] : undefined;
  if (!command && !offline) {
    out('Cách dùng: npm run cli -- <lệnh> [tham số]\n');
    for (const c of [...Object.values(COMMANDS), ...Object.values(OFFLINE_COMMANDS)]) {
      out(`  ${c.usage}\n      ${c.summary}`);
    }
    return name ? 2 : 0;
  }
  const config = loadConfig(process.env);
  if (offline) return offline.run(config, args, out);
  const embedded = config.DATABASE_URL
    ? null
    : await startEmbeddedPostgres(config.EISO_DATA_DIR, { log: (line) => process.stderr.write(`${line}\n`) });
  try {
    const url = config.DATABASE_URL ?? embedded!.url;
    if (embedded) await runMigrations(url);
    const module = command!.module?.(config, url) ?? CliModule.forRoot(config, url);
    const app = await NestFactory.createApplicationContext(module, {
      logger: ['error', 'warn'],
    });
    try {
      return await command!.run(app, args, out);
    } finally {
      await app.close();
    }
  } finally {
    await embedded?.stop();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`${describe(error)}\n`);
    process.exit(1);
  });

function describe(error: unknown): string {
  if (error instanceof ConfigValidationError) return error.message;
  if (error instanceof DomainException) {
    const details = error.details ? `\n${JSON.stringify(error.details, null, 2)}` : '';
    return `Lỗi ${error.code}: ${errorMessageOf(error.code, error.details)}${details}`;
  }
  return `Lỗi: ${error instanceof Error ? error.message : String(error)}`;
}
