import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SERVER_ERROR_RESPONSES } from './api-errors.decorator';

/**
 * The API's OpenAPI document, built from the controllers' decorators: the running app serves it at
 * /api/docs-json and `npm run openapi` writes it to openapi.json, so both say the same thing.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('eISO API')
      .setDescription('Hệ thống ISO điện tử — quản lý chất lượng theo TCVN ISO 9001:2015')
      .setVersion('1')
      .addBearerAuth()
      // 500 and 503 may answer any operation; each route documents its own 4xx (ApiErrors).
      .addGlobalResponse(...SERVER_ERROR_RESPONSES)
      .build(),
  );
}

/** Keys in sorted order at every level (arrays keep theirs), so a route change diffs as itself. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}

/** openapi.json's text: sorted keys, two-space indent, final newline. */
export function serializeOpenApiDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}
