import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { getSchemaPath } from '@nestjs/swagger';
import { ErrorResponse } from '../../apps/api/src/http/openapi/error.response';

/*
 * Reading the API's OpenAPI document: its operations, the operation a request reached, the
 * documented response of a status. Shared by the contract suite and the response check.
 */

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** `$ref` of the one error body every 4xx and 5xx answer carries. */
export const ERROR_SCHEMA_REF = getSchemaPath(ErrorResponse);

export interface Operation {
  method: string;
  /** The document's path template: `/api/v1/documents/{id}`. */
  path: string;
  operation: OperationObject;
  /** `POST /api/v1/documents/{id}`, as violations name it. */
  label: string;
}

export function listOperations(document: OpenAPIObject): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = (item as Record<string, OperationObject | undefined>)[method];
      if (operation) operations.push({ method, path, operation, label: `${method.toUpperCase()} ${path}` });
    }
  }
  return operations;
}

/** Parameters the operation declares (nestjs/swagger writes them inline, never as `$ref`). */
export function parametersOf(operation: OperationObject): ParameterObject[] {
  return (operation.parameters ?? []).filter((p): p is ParameterObject => !('$ref' in p));
}

interface Template {
  operation: Operation;
  pattern: RegExp;
  literals: number;
}

/** Finds the operation a request reached, by the document's path templates (literal segments first). */
export class OperationMatcher {
  private readonly templates: Template[];

  constructor(document: OpenAPIObject) {
    this.templates = listOperations(document)
      .map((operation) => {
        const segments = operation.path.split('/').filter(Boolean);
        const source = segments
          .map((s) => (/^\{[^}]+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
          .join('/');
        return {
          operation,
          pattern: new RegExp(`^/${source}/?$`),
          literals: segments.filter((s) => !s.startsWith('{')).length,
        };
      })
      .sort((a, b) => b.literals - a.literals);
  }

  match(method: string, url: string): Operation | undefined {
    const path = url.split('?')[0];
    const lower = method.toLowerCase();
    return this.templates.find((t) => t.operation.method === lower && t.pattern.test(path))?.operation;
  }
}

/** The documented response of a status: exact, then its class (`4XX`), then `default`. */
export function responseFor(operation: OperationObject, status: number): ResponseObject | undefined {
  const responses = operation.responses as Record<string, ResponseObject | ReferenceObject | undefined>;
  const found = responses[String(status)] ?? responses[`${Math.floor(status / 100)}XX`] ?? responses.default;
  return found && !('$ref' in found) ? found : undefined;
}

/** The media type without its parameters: `application/json; charset=utf-8` → `application/json`. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/** The JSON schema a response declares, if any. */
export function jsonSchemaOf(response: ResponseObject): SchemaObject | ReferenceObject | undefined {
  const entry = Object.entries(response.content ?? {}).find(([type]) => isJsonMediaType(type));
  return entry?.[1].schema;
}

/** Whether a declared media type (`*\/*`, `image/*`, exact) admits a sent one. */
export function mediaTypeAdmits(declared: string, sent: string): boolean {
  if (declared === '*/*' || declared === sent) return true;
  return declared.endsWith('/*') && sent.startsWith(declared.slice(0, -1));
}
