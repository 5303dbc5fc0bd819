import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../demo/package-root';
import { buildOfflineOpenApiDocument } from '../http/openapi/offline-openapi-document';
import { serializeOpenApiDocument } from '../http/openapi/openapi-document';

/**
 * `npm run openapi [-- <file>]`: writes the API's OpenAPI document (default: openapi.json at the
 * repository root, from which the web client generates its types). Needs no database.
 */
async function main(argv: string[]): Promise<void> {
  const target = argv[0] ? resolve(argv[0]) : join(packageRoot(), 'openapi.json');
  writeFileSync(target, serializeOpenApiDocument(await buildOfflineOpenApiDocument()));
  process.stdout.write(`Đã ghi tài liệu OpenAPI vào ${target}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `Không tạo được tài liệu OpenAPI: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
