import { ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { DomainException, ErrorCode } from '@eiso/common';
import { FIELD_LABELS, fieldLabelOf, fieldLabelOfPath, itemLabel, nestedLabel } from './field-labels';
import { HTTP_MESSAGES, RULE_TEXTS } from './http.messages';

/** One refused field of a 400 VALIDATION_FAILED (`details.errors`). */
export interface FieldError {
  /** The machine name, as sent: `effectiveFrom`, `distribution.orgUnitIds`. */
  field: string;
  /** The Vietnamese name forms show: `Ngày hiệu lực`. */
  label: string;
  /** The rules broken, by name (`isCalendarDate`). */
  rules: string[];
  /** Vietnamese: the field by its label, and what it should hold. */
  message: string;
}

const NOT_ALLOWED = 'whitelistValidation';

/**
 * The order a message lists broken rules in: what kind of value, then its form, then its bounds
 * (class-validator reports them in no order a reader would choose). Rules not named come between.
 */
const RULE_ORDER = [
  ['isString', 'isInt', 'isBoolean', 'isArray', 'isObject', 'nestedValidation'],
  ['isEnum', 'isIn', 'equals', 'isUuid', 'isEmail', 'isCalendarDate', 'isTimestamp'],
  [],
  ['minLength', 'min', 'arrayMinSize'],
  ['maxLength', 'max', 'arrayMaxSize', 'arrayUnique'],
];
const UNRANKED = RULE_ORDER.findIndex((rank) => rank.length === 0);

function rankOf(rule: string): number {
  const rank = RULE_ORDER.findIndex((rules) => rules.includes(rule));
  return rank === -1 ? UNRANKED : rank;
}

interface RuleUse {
  constraints: readonly unknown[];
  each: boolean;
}

/** How `type` uses a rule on a property: its arguments (`maxLength` 300) and whether per item. */
function ruleUse(type: unknown, property: string, rule: string): RuleUse {
  if (typeof type !== 'function') return { constraints: [], each: false };
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(type, '', true, false)
    .find((m) => m.propertyName === property && (m.name ?? m.type) === rule);
  return {
    constraints: (metadata?.constraints as unknown[] | undefined) ?? [],
    each: metadata?.each ?? false,
  };
}

/** What `rule` asks of the field, in Vietnamese. */
function ruleText(rule: string, use: RuleUse): string {
  const text = RULE_TEXTS[rule]?.(use.constraints) ?? HTTP_MESSAGES.unknownRule;
  return use.each ? HTTP_MESSAGES.eachItem(text) : text;
}

/** The message of a field that broke rules: left out, null, or not what was asked. */
function fieldMessage(label: string, texts: string[], e: ValidationError): string {
  const asks = texts.join(', ');
  // Nest keeps `value` on the errors of leaves only: without it, nothing is known of the value.
  const valueKnown = 'value' in e;
  if (valueKnown && e.value === undefined) return HTTP_MESSAGES.fieldMissing(label, asks);
  if (valueKnown && e.value === null) return HTTP_MESSAGES.fieldNull(label, asks);
  return HTTP_MESSAGES.fieldInvalid(label, asks);
}

function fieldErrorOf(e: ValidationError, field: string, label: string): FieldError {
  const rules = Object.keys(e.constraints ?? {}).sort((a, b) => rankOf(a) - rankOf(b));
  if (rules.includes(NOT_ALLOWED)) {
    return { field, label, rules, message: HTTP_MESSAGES.fieldNotAllowed(field) };
  }
  const type = (e.target as object | undefined)?.constructor;
  const texts = rules.map((rule) => ruleText(rule, ruleUse(type, e.property, rule)));
  return { field, label, rules, message: fieldMessage(label, texts, e) };
}

/** The label of an error's property: a list item is counted, a nested field names its parents. */
function labelOf(e: ValidationError, parentLabel: string | undefined): string {
  if (Array.isArray(e.target) && parentLabel) return itemLabel(parentLabel, e.property);
  const own = fieldLabelOf((e.target as object | undefined)?.constructor, e.property) ?? e.property;
  return nestedLabel(parentLabel, own);
}

function flatten(errors: ValidationError[], parent?: { field: string; label: string }): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent.field}.${e.property}` : e.property;
    const label = labelOf(e, parent?.label);
    const own = e.constraints ? [fieldErrorOf(e, field, label)] : [];
    return [...own, ...flatten(e.children ?? [], { field, label })];
  });
}

/** The field errors of a ValidationPipe refusal, each named by its label (exported for tests). */
export function fieldErrorsOf(errors: ValidationError[]): FieldError[] {
  return flatten(errors);
}

/**
 * Gives a label to each field error that has none: those made outside the pipe (a service's own
 * check, a multipart field) are named from FIELD_LABELS by their path, or from `type` when known.
 */
export function labelFieldErrors(
  details: Record<string, unknown> | undefined,
  type?: unknown,
): Record<string, unknown> | undefined {
  const errors = details?.errors;
  if (!Array.isArray(errors)) return details;
  const labelled = errors.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) return item;
    const { field, label } = item as { field?: unknown; label?: unknown };
    if (typeof field !== 'string' || typeof label === 'string') return item;
    return { field, label: fieldLabelOfPath(type, field), ...item };
  });
  return { ...details, errors: labelled };
}

/**
 * 400 VALIDATION_FAILED for one field checked outside a DTO (a query parameter, a form field), in
 * the words of the pipe: `invalidField('format', 'isIn', [['json', 'xlsx', 'pdf']])`.
 */
export function invalidField(
  field: string,
  rule: string,
  constraints: readonly unknown[] = [],
): DomainException {
  const label = FIELD_LABELS[field] ?? field;
  const error: FieldError = {
    field,
    label,
    rules: [rule],
    message: HTTP_MESSAGES.fieldInvalid(label, ruleText(rule, { constraints, each: false })),
  };
  return new DomainException(ErrorCode.ValidationFailed, { errors: [error] });
}

/** One validation pipe: unknown fields are refused, types converted, errors listed per field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target names the DTO class of each error, whose labels and rule arguments name the field.
    validationError: { target: true },
    exceptionFactory: (errors) =>
      new DomainException(ErrorCode.ValidationFailed, { errors: fieldErrorsOf(errors) }),
  });
}
