/* eslint-disable @typescript-eslint/no-explicit-any */

/** One operation of the OpenAPI document, as the robustness suite drives it. */
export interface ApiOperation {
  method: string;
  /** OpenAPI style: `/api/v1/documents/{id}`. */
  path: string;
  queryParams: string[];
  /** The resolved JSON schema of the request body, or null when it takes none. */
  jsonBody: JsonSchema | null;
  multipart: boolean;
}

export interface JsonSchema {
  type?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  $ref?: string;
  allOf?: JsonSchema[];
  enum?: unknown[];
}

function resolve(
  schema: JsonSchema | undefined,
  components: Record<string, JsonSchema>,
  depth = 0,
): JsonSchema | null {
  if (!schema || depth > 8) return null;
  if (schema.$ref) return resolve(components[schema.$ref.split('/').pop()!], components, depth + 1);
  if (schema.allOf) {
    const merged: JsonSchema = { type: 'object', properties: {} };
    for (const part of schema.allOf)
      Object.assign(merged.properties!, resolve(part, components, depth + 1)?.properties);
    return merged;
  }
  return schema;
}

/** Every operation the running API documents at /api/docs-json. */
export async function readOperations(base: string): Promise<ApiOperation[]> {
  const doc = (await (await fetch(`${base}/api/docs-json`)).json()) as any;
  const components = (doc.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method];
      if (!op) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])] as { in: string; name: string }[];
      const content = op.requestBody?.content ?? {};
      operations.push({
        method: method.toUpperCase(),
        path,
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        jsonBody: content['application/json']
          ? resolve(content['application/json'].schema, components)
          : null,
        multipart: Boolean(content['multipart/form-data']),
      });
    }
  }
  return operations;
}
