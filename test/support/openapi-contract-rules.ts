import type { ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { ROLE_PERMISSIONS } from '@eiso/common';
import { ERROR_SCHEMA_REF, isJsonMediaType, Operation, parametersOf } from './openapi-operations';
import type { RouteFacts } from './openapi-route-facts';

/** A schema that says something: not `{}` nor a bare `type: object` / array of nothing. */
function describesSomething(schema: SchemaObject | ReferenceObject | undefined): boolean {
  if (!schema) return false;
  if ('$ref' in schema) return true;
  if (schema.allOf?.length || schema.anyOf?.length || schema.oneOf?.length) return true;
  if (schema.type === 'array') return describesSomething(schema.items);
  if (schema.type === 'object' || schema.type === undefined) {
    return Object.keys(schema.properties ?? {}).length > 0 || schema.additionalProperties !== undefined;
  }
  return true;
}

/** Whether some role lacks the permission (then a 403 is possible). */
function someRoleLacks(permission: string): boolean {
  return Object.values(ROLE_PERMISSIONS).some(
    (granted) => !(granted as readonly string[]).includes(permission),
  );
}

/** The error statuses an operation must document, from the code and the document, with why. */
export function expectedErrorStatuses(op: Operation, facts: RouteFacts): Map<number, string> {
  const expected = new Map<number, string>();
  const parameters = parametersOf(op.operation);
  if (!facts.isPublic) expected.set(401, 'a route that needs a session');
  if (facts.permission && someRoleLacks(facts.permission))
    expected.set(403, `permission ${facts.permission}`);
  if (op.operation.requestBody) expected.set(400, 'it takes a body');
  else if (parameters.some((p) => p.in === 'query')) expected.set(400, 'it takes query parameters');
  else if (facts.uuidParams.length) expected.set(400, `path ids ${facts.uuidParams.join(', ')} are checked`);
  if (parameters.some((p) => p.in === 'path')) expected.set(404, 'it names a resource in its path');
  const ifMatch = parameters.find((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match');
  if (ifMatch) expected.set(412, 'it reads If-Match');
  if (ifMatch?.required) expected.set(428, 'it documents If-Match as required');
  return expected;
}

/**
 * What an operation of the document lacks: a success with a schema (or a file's media type), the
 * error statuses it can answer, each with the one error body, and bearer security on closed routes.
 */
export function contractProblems(op: Operation, facts: RouteFacts | undefined): string[] {
  if (!facts) return [`no route of the app has operationId ${op.operation.operationId}`];
  const problems: string[] = [];
  const responses = op.operation.responses as Record<string, ResponseObject | ReferenceObject>;
  const statuses = Object.keys(responses);
  const successes = statuses.filter((s) => /^[23]\d\d$/.test(s));
  if (!successes.some((s) => s.startsWith('2') || s === '302')) problems.push('no 2xx response');
  for (const status of successes.filter((s) => s.startsWith('2') && s !== '204')) {
    const response = responses[status];
    const content = '$ref' in response ? undefined : response.content;
    const types = Object.keys(content ?? {});
    if (!types.length) problems.push(`${status}: no content (a schema, or a file's media type)`);
    for (const type of types.filter(isJsonMediaType)) {
      if (!describesSomething(content![type].schema))
        problems.push(`${status}: ${type} without a schema that describes the body`);
    }
  }
  for (const status of statuses.filter((s) => /^[45]/.test(s) || s === 'default')) {
    const response = responses[status];
    const schema = '$ref' in response ? undefined : response.content?.['application/json']?.schema;
    if (!schema || !('$ref' in schema) || schema.$ref !== ERROR_SCHEMA_REF) {
      problems.push(`${status}: not the error body (${ERROR_SCHEMA_REF})`);
    }
  }
  for (const [status, why] of expectedErrorStatuses(op, facts)) {
    if (!responses[String(status)]) problems.push(`${status} missing (${why})`);
  }
  const bearer = (op.operation.security ?? []).some((s) => 'bearer' in s);
  if (!facts.isPublic && !bearer) problems.push('needs a session but declares no bearer security');
  if (facts.isPublic && bearer) problems.push('is public but declares bearer security');
  return problems;
}
