import type { OpenAPIObject } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Schema = SchemaObject | ReferenceObject;

const ROOT_ID = 'openapi.json';

/**
 * OpenAPI 3.0 schemas as JSON Schema: `nullable: true` admits null (JSON Schema has no such
 * keyword), and `#/components/…` references point into the document registered as `openapi.json`.
 */
function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(source)) {
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    if (key === '$ref' && typeof v === 'string' && v.startsWith('#/')) out.$ref = `${ROOT_ID}${v}`;
    // Property names and enum values are data, not schemas: copied as they are.
    else if (key === 'properties' && v && typeof v === 'object') {
      out.properties = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, toJsonSchema(s)]));
    } else if (key === 'enum' || key === 'required') out[key] = v;
    else out[key] = toJsonSchema(v);
  }
  // nestjs/swagger writes a nullable reference as `{ allOf: [$ref], nullable: true, type: object }`:
  // null, or else the rest of the schema.
  return source.nullable === true ? { anyOf: [{ type: 'null' }, out] } : out;
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 5)
    .map(
      (e) =>
        `${e.instancePath || '(body)'} ${e.message ?? e.keyword}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
    )
    .join('; ');
}

/**
 * Checks JSON bodies against the document's schemas: types, formats and required fields (ajv),
 * and no field that the schema does not name (what a client generating its types would not know).
 */
export class OpenApiSchemaValidator {
  private readonly ajv: Ajv;
  /** By the schema's text: the many `$ref: ErrorResponse` of the document compile once. */
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenAPIObject) {
    // References stay calls (not inlined copies): each component compiles once per document.
    this.ajv = new Ajv({
      strict: false,
      allErrors: true,
      logger: false,
      inlineRefs: false,
      validateSchema: false,
    });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: ROOT_ID, components: toJsonSchema(document.components ?? {}) });
  }

  /** What is wrong with `body` against `schema`, or an empty list. */
  problems(schema: Schema, body: unknown): string[] {
    const key = JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as object);
      this.compiled.set(key, validate);
    }
    const problems: string[] = [];
    if (!validate(body)) problems.push(`does not match its schema: ${describeErrors(validate.errors)}`);
    const extra = this.undocumented(schema, body, '');
    if (extra.length) problems.push(`fields the schema does not name: ${extra.slice(0, 10).join(', ')}`);
    return problems;
  }

  private resolve(schema: Schema, seen = new Set<string>()): SchemaObject {
    if (!('$ref' in schema)) return schema;
    const ref = schema.$ref;
    if (seen.has(ref)) return {};
    seen.add(ref);
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], this.document);
    return target ? this.resolve(target, seen) : {};
  }

  /** Fields of `value` (at any depth) that no schema names; open schemas admit anything. */
  private undocumented(schema: Schema, value: unknown, at: string): string[] {
    const resolved = this.resolve(schema);
    if (Array.isArray(value)) {
      const items = resolved.items;
      return items ? value.flatMap((v, i) => this.undocumented(items, v, `${at}[${i}]`)) : [];
    }
    if (value === null || typeof value !== 'object') return [];
    const branches = resolved.anyOf ?? resolved.oneOf;
    if (branches?.length) {
      // The branch that explains the value best (one without extras when the value matches one).
      const results = branches.map((b) => this.undocumented(b, value, at));
      return results.reduce((best, r) => (r.length < best.length ? r : best));
    }
    const properties: Record<string, Schema> = { ...(resolved.properties ?? {}) };
    let open = resolved.additionalProperties !== undefined && resolved.additionalProperties !== false;
    for (const part of resolved.allOf ?? []) {
      const merged = this.resolve(part);
      Object.assign(properties, merged.properties ?? {});
      if (merged.additionalProperties !== undefined && merged.additionalProperties !== false) open = true;
    }
    // A bare `type: object` documents nothing to compare with.
    if (!Object.keys(properties).length) return [];
    const extra: string[] = [];
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const path = at ? `${at}.${key}` : key;
      if (properties[key]) extra.push(...this.undocumented(properties[key], v, path));
      else if (!open) extra.push(path);
    }
    return extra;
  }
}
