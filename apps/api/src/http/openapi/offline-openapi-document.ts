import { NestFactory } from '@nestjs/core';
import { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '@eiso/config';
import { AppModule } from '../../app.module';
import { useApiPrefix } from '../../create-api-app';
import { createOpenApiDocument } from './openapi-document';

/**
 * Nest's preview mode scans the modules without instantiating a provider, so nothing connects:
 * these settings only shape the module graph (the routes do not depend on them), whatever the
 * environment of the machine that writes openapi.json.
 */
const DOCUMENT_RUNTIME = {
  config: loadConfig({ EISO_DEMO_SEED: 'false', EISO_SCHEDULER: 'false', LOG_LEVEL: 'silent' }),
  databaseUrl: 'postgres://openapi@127.0.0.1:1/openapi',
  signingSecret: 'openapi-document-is-never-signed',
};

/** The OpenAPI document of the API as built, without a database, Redis or S3. */
export async function buildOfflineOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule.forRoot(DOCUMENT_RUNTIME), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    useApiPrefix(app);
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
