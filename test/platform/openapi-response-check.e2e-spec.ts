import type { OpenAPIObject } from '@nestjs/swagger';
import express from 'express';
import request from 'supertest';
import { ERROR_SCHEMA_REF } from '../support/openapi-operations';
import { OpenApiResponseCheck, ResponseCheckState } from '../support/openapi-response-check';

const NIL_ID = '00000000-0000-4000-8000-000000000000';

/** The response check itself, on a tiny app that tells lies a real route could tell. */
describe('OpenAPI response check', () => {
  const errorRef = { $ref: ERROR_SCHEMA_REF };
  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: errorRef } },
  });
  const document = {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/things/{id}': {
        get: {
          parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'string' } }],
          responses: {
            200: {
              description: 'ok',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
            404: error('not found'),
          },
        },
        post: {
          parameters: [{ in: 'header', name: 'If-Match', required: true, schema: { type: 'string' } }],
          responses: { 204: { description: 'done' }, 428: error('no If-Match') },
        },
      },
      '/things/{id}/file': {
        get: {
          responses: {
            200: { description: 'file', content: { 'application/pdf': { schema: { type: 'string' } } } },
          },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: 'object',
          required: ['id', 'note'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            note: { type: 'string', nullable: true },
            // How nestjs/swagger writes a nullable reference.
            owner: { allOf: [{ $ref: '#/components/schemas/Owner' }], nullable: true, type: 'object' },
          },
        },
        Owner: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
        ErrorResponse: {
          type: 'object',
          required: ['code', 'message', 'requestId'],
          properties: {
            code: { type: 'string' },
            message: { type: 'string' },
            requestId: { type: 'string' },
          },
        },
      },
    },
  } as unknown as OpenAPIObject;

  async function violationsOf(
    send: (app: express.Express) => void,
    call: (agent: request.Agent) => Promise<unknown>,
  ) {
    const state: ResponseCheckState = { violations: new Map(), seen: new Set(), operations: new Set() };
    const check = new OpenApiResponseCheck(state);
    check.use(document);
    const app = express();
    app.use(check.middleware);
    send(app);
    const agent = request.agent(app);
    await call(agent);
    // 'finish' fires as the last byte leaves; give the listener its turn.
    await new Promise((resolve) => setImmediate(resolve));
    return { violations: [...state.violations.keys()], seen: [...state.seen] };
  }

  it('accepts a body that matches its schema, nullable fields and references included', async () => {
    const { violations, seen } = await violationsOf(
      (app) => {
        let owner: unknown = null;
        app.get('/things/:id', (_q, res) => {
          res.json({ id: NIL_ID, note: null, owner });
          owner = { name: 'Nguyễn Văn A' };
        });
      },
      async (agent) => {
        await agent.get(`/things/${NIL_ID}`);
        await agent.get(`/things/${NIL_ID}`);
      },
    );
    expect(violations).toEqual([]);
    expect(seen).toEqual(['GET /things/{id} 200']);
  });

  it('reports a wrong type, a missing field and a field the schema does not name', async () => {
    const { violations } = await violationsOf(
      (app) => app.get('/things/:id', (_q, res) => void res.json({ id: 'x', extra: 1 })),
      (agent) => agent.get(`/things/${NIL_ID}`),
    );
    expect(violations).toHaveLength(2);
    expect(violations[0]).toMatch(/^GET \/things\/\{id\} → 200: does not match its schema: /);
    expect(violations[0]).toContain('missingProperty":"note');
    expect(violations[0]).toContain('/id must match format "uuid"');
    expect(violations[1]).toBe('GET /things/{id} → 200: fields the schema does not name: extra');
  });

  it('reports an error body that is not the error schema, and a status not documented', async () => {
    const { violations } = await violationsOf(
      (app) => {
        app.get('/things/:id', (_q, res) => void res.status(404).json({ error: 'gone' }));
        app.get(
          '/things/:id/file',
          (_q, res) => void res.status(409).json({ code: 'X', message: 'm', requestId: 'r' }),
        );
      },
      async (agent) => {
        await agent.get(`/things/${NIL_ID}`);
        await agent.get(`/things/${NIL_ID}/file`);
      },
    );
    expect(violations).toEqual([
      expect.stringMatching(/^GET \/things\/\{id\} → 404: does not match its schema: .*code/),
      'GET /things/{id} → 404: fields the schema does not name: error',
      'GET /things/{id}/file → 409: status 409 is not documented',
    ]);
  });

  it('reports a header documented as required that the server did not require', async () => {
    const { violations } = await violationsOf(
      (app) => app.post('/things/:id', (_q, res) => void res.status(204).end()),
      (agent) => agent.post(`/things/${NIL_ID}`),
    );
    expect(violations).toEqual([
      'POST /things/{id} → 204: header parameter If-Match is documented as required; the server answered 204 without it',
    ]);
  });

  it('checks a file by its media type only', async () => {
    const { violations } = await violationsOf(
      (app) => {
        app.get('/things/:id/file', (q, res) => {
          res.type(q.query.as === 'zip' ? 'application/zip' : 'application/pdf');
          res.end(Buffer.from('%PDF-1.7'));
        });
      },
      async (agent) => {
        await agent.get(`/things/${NIL_ID}/file`);
        await agent.get(`/things/${NIL_ID}/file?as=zip`);
      },
    );
    expect(violations).toEqual([
      'GET /things/{id}/file → 200: answered application/zip; documented: application/pdf',
    ]);
  });
});
