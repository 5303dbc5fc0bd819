import {
  ArgumentsHost,
  Controller,
  Get,
  INestApplication,
  Module,
  NotFoundException,
  Param,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiOkResponse, ApiProperty, OpenAPIObject } from '@nestjs/swagger';
import { ThrottlerException } from '@nestjs/throttler';
import { IsString, MaxLength } from 'class-validator';
import { DomainException, ERROR_CATALOGUE, ErrorCode, Permission } from '@eiso/common';
import { OpenApiSchemaValidator } from '../../../../../test/support/openapi-schema-validator';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { HttpExceptionFilter } from '../http-exception.filter';
import { createValidationPipe } from '../validation.pipe';
import { ApiErrors, ERROR_STATUS_DESCRIPTIONS } from './api-errors.decorator';
import { ApiNullableProperty } from './api-nullable-property';
import { ApiPageResponse } from './page';
import { createOpenApiDocument } from './openapi-document';

class PartResponse {
  @ApiProperty()
  name: string;
}

class ThingResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ nullable: true, type: String })
  note: string | null;

  @ApiNullableProperty(PartResponse)
  part: PartResponse | null;
}

class ThingBody {
  @IsString()
  @MaxLength(3)
  name: string;
}

@Controller('things')
class ThingsController {
  @Get()
  @RequirePermission(Permission.DocumentRead)
  @ApiPageResponse(ThingResponse)
  @ApiErrors(400)
  list(): void {}

  @Get(':id')
  @RequirePermission(Permission.DocumentRead)
  @ApiOkResponse({ type: ThingResponse })
  @ApiErrors(400, 404, 409)
  get(@Param('id') _id: string): void {}
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

/** What the one error filter sends for `exception`. */
function errorBodyOf(exception: unknown): { status: number; body: unknown } {
  const sent: { status: number; body: unknown } = { status: 0, body: undefined };
  const response = {
    headersSent: false,
    setHeader: () => undefined,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  const request = { method: 'GET', originalUrl: '/api/v1/things', path: '/api/v1/things', headers: {} };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  new HttpExceptionFilter().catch(exception, host);
  return sent;
}

describe('OpenAPI responses: one error body, one page type', () => {
  let app: INestApplication;
  let document: OpenAPIObject;
  let validator: OpenApiSchemaValidator;
  const errorSchema = { $ref: '#/components/schemas/ErrorResponse' };

  beforeAll(async () => {
    app = await NestFactory.create(ThingsModule, { logger: false });
    document = createOpenApiDocument(app);
    validator = new OpenApiSchemaValidator(document);
  });
  afterAll(() => app.close());

  it('has a description for every status of the error catalogue', () => {
    const statuses = new Set(Object.values(ERROR_CATALOGUE).map((d) => d.status));
    expect([...statuses].filter((s) => !(s in ERROR_STATUS_DESCRIPTIONS))).toEqual([]);
  });

  it('documents the listed statuses, 401/403 of the permission and 500/503, each with the error body', () => {
    const responses = document.paths['/things/{id}'].get!.responses as Record<string, { content?: unknown }>;
    expect(Object.keys(responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '500', '503']);
    for (const status of ['400', '401', '403', '404', '409', '500', '503']) {
      expect(responses[status].content).toEqual({ 'application/json': { schema: errorSchema } });
    }
  });

  it('matches what the filter really sends, field errors, row errors and open details included', async () => {
    const refused: unknown = await createValidationPipe()
      .transform({ name: 'quá dài', extra: 1 }, { type: 'body', metatype: ThingBody })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainException);
    const bodies = [
      refused,
      new DomainException(ErrorCode.ValidationFailed, {
        errors: [{ field: 'comment', message: 'Cần ghi ý kiến.' }],
      }),
      new DomainException(ErrorCode.AgencyImportInvalid, { errors: [{ line: 3, message: 'Thiếu tên.' }] }),
      new DomainException(ErrorCode.AuthAccountLocked, { lockedUntil: new Date().toISOString() }),
      new DomainException(ErrorCode.DocumentVersionNotFound),
      new NotFoundException(),
      new ThrottlerException(),
      new Error('boom'),
    ].map(errorBodyOf);
    expect(bodies.map((b) => b.status)).toEqual([400, 400, 400, 423, 404, 404, 429, 500]);
    for (const { body } of bodies) expect(validator.problems(errorSchema, body)).toEqual([]);
  });

  it('refuses bodies the filter never sends', () => {
    const body = errorBodyOf(new DomainException(ErrorCode.Forbidden)).body as Record<string, unknown>;
    expect(validator.problems(errorSchema, { ...body, requestId: undefined })).not.toEqual([]);
    expect(validator.problems(errorSchema, { ...body, code: 'NO_SUCH_CODE' })).not.toEqual([]);
    // A field error always has its label: the filter gives one to those made outside the pipe.
    const unlabelled = { ...body, details: { errors: [{ field: 'x', message: 'y' }] } };
    expect(validator.problems(errorSchema, unlabelled)).not.toEqual([]);
  });

  it('describes a list as Page<Item>: items of the item class, total, page and pageSize', () => {
    const response = document.paths['/things'].get!.responses['200'] as {
      content: Record<string, { schema: object }>;
    };
    const schema = response.content['application/json'].schema;
    const item = { id: '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b', note: null, part: null };
    expect(validator.problems(schema, { items: [item], total: 1, page: 1, pageSize: 20 })).toEqual([]);
    const withPart = { ...item, part: { name: 'a' } };
    expect(validator.problems(schema, { items: [withPart], total: 1, page: 1, pageSize: 20 })).toEqual([]);
    expect(
      validator.problems(schema, { items: [{ ...item, part: {} }], total: 1, page: 1, pageSize: 20 }),
    ).not.toEqual([]);
    expect(validator.problems(schema, { items: [item], page: 1, pageSize: 20 })).not.toEqual([]);
    expect(
      validator.problems(schema, { items: [{ id: 'x', note: null }], total: 1, page: 1, pageSize: 20 }),
    ).not.toEqual([]);
    expect(
      validator.problems(schema, { items: [{ ...item, other: 1 }], total: 1, page: 1, pageSize: 20 }),
    ).not.toEqual([]);
  });
});
