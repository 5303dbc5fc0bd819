import { DomainException, ErrorCode, isStorableText, nfc } from '@eiso/common';
import { fieldLabelOfPath } from './field-labels';
import { HTTP_MESSAGES } from './http.messages';
import type { FieldError } from './validation.pipe';

/** A form nests two or three levels; anything deeper than this is not one. */
export const MAX_INPUT_DEPTH = 32;

function refusal(field: string, label: string, rule: string, message: string): DomainException {
  const error: FieldError = { field, label, rules: [rule], message };
  return new DomainException(ErrorCode.ValidationFailed, { errors: [error] });
}

/**
 * The one check for text that comes in: refuses (400 VALIDATION_FAILED, rule `cleanText`) a NUL
 * or a lone UTF-16 surrogate, otherwise answers the text unchanged. Bodies, query strings and path
 * parameters go through it in NfcPipe; multipart field values and file names call it directly.
 * `type` is the DTO the input is read as, whose labels name the field.
 */
export function assertCleanText(value: string, field = 'value', type?: unknown): string {
  if (!isStorableText(value)) {
    const label = fieldLabelOfPath(type, field);
    throw refusal(field, label, 'cleanText', HTTP_MESSAGES.fieldUnstorable(label));
  }
  return value;
}

/** Arrays and the objects JSON.parse and the query parser make; anything else is left as it is. */
function isContainer(value: unknown): value is unknown[] | Record<string, unknown> {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function child(path: string, key: string): string {
  // JSON-escaped, so that a refused key does not carry its NUL into the answer or the log.
  const name = JSON.stringify(key).slice(1, -1);
  return path ? `${path}.${name}` : name;
}

/**
 * Walks a client's input once, before validation: refuses nesting deeper than MAX_INPUT_DEPTH
 * (checked before descending, so the walk cannot overflow the stack), refuses unstorable keys
 * and strings, and answers a copy with every string NFC-normalized (DESIGN §12). `type` is the
 * DTO the input will be read as (its labels name a refused field), when known.
 */
export function cleanInput(value: unknown, path = '', depth = 0, type?: unknown): unknown {
  if (typeof value === 'string') return nfc(assertCleanText(value, path || 'value', type));
  if (!isContainer(value)) return value;
  if (depth >= MAX_INPUT_DEPTH) {
    throw refusal(path, fieldLabelOfPath(type, path), 'maxDepth', HTTP_MESSAGES.tooDeep(MAX_INPUT_DEPTH));
  }
  if (Array.isArray(value)) {
    return value.map((v, i) => cleanInput(v, child(path, String(i)), depth + 1, type));
  }
  // fromEntries defines keys as data: a `__proto__` key stays a key and never becomes a prototype.
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      const at = child(path, key);
      return [nfc(assertCleanText(key, at, type)), cleanInput(v, at, depth + 1, type)];
    }),
  );
}
