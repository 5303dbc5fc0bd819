import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ApiRuntime, AppModule } from './app.module';
import { translateClientErrors } from './http/client-errors';
import { requestIdMiddleware } from './http/logger.options';
import { createOpenApiDocument } from './http/openapi/openapi-document';
import { QUEUE_DASHBOARD_PATH } from './queue-dashboard/queue-dashboard.constants';
import { helmetOptions } from './http/security-headers';

export const API_PREFIX = 'api/v1';
export const DOCS_PATH = 'api/docs';
/** The largest JSON body is a distribution list of 2 000 user ids (~80 kB); files come as multipart. */
const BODY_LIMIT = '256kb';

/** Builds the HTTP application exactly as production runs it; tests call this too. */
export async function createApiApp(runtime: ApiRuntime): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(runtime), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // First of all: the logger's own middleware runs after the body parser, whose errors need the id too.
  app.use(requestIdMiddleware);
  app.use(helmet(helmetOptions(runtime.config)));
  // Nest would add its default parsers at init; these name the limit, and their errors answer 4xx.
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: true });
  app.use(translateClientErrors);
  // X-Forwarded-For is believed only from the proxies named in TRUST_PROXY (default: none).
  const proxies = runtime.config.trustedProxies;
  app.set('trust proxy', proxies.length > 0 ? proxies : false);
  useApiPrefix(app);
  SwaggerModule.setup(DOCS_PATH, app, createOpenApiDocument(app), { jsonDocumentUrl: `${DOCS_PATH}-json` });
  return app;
}

/** Routes live under /api/v1 but for the probes and the queue dashboard; the OpenAPI script uses it too. */
export function useApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      // The BullMQ dashboard (queue-dashboard.module.ts), a page for a browser, with its sub-paths.
      { path: QUEUE_DASHBOARD_PATH, method: RequestMethod.ALL },
    ],
  });
}
