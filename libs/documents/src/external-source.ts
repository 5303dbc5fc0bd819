import { DomainException, ErrorCode } from '@eiso/common';
import { DocumentType } from './document-type';
import type { DocumentVersionEntity } from './document-version.entity';

/**
 * What identifies a document of the `external` type in the Danh mục tài liệu bên ngoài (DESIGN
 * §13): kept on each version, like its title, since a new edition has its own number and dates.
 */
export interface ExternalSource {
  /** Cơ quan ban hành. */
  issuingBody: string;
  /** Số, ký hiệu. */
  numberSymbol: string;
  /** Ngày ban hành, `YYYY-MM-DD`. */
  issuedDate: string;
  /** Ngày có hiệu lực, `YYYY-MM-DD`. */
  inForceDate: string | null;
  /** Nơi lưu. */
  storagePlace: string | null;
}

/** What a create (every required field) or an edit (any field; null clears an optional one) sends. */
export type ExternalSourceInput = Partial<ExternalSource>;

export type ExternalSourceColumns = Pick<DocumentVersionEntity, keyof ExternalSource>;

export const EXTERNAL_SOURCE_LABELS: Record<keyof ExternalSource, string> = {
  issuingBody: 'Cơ quan ban hành',
  numberSymbol: 'Số, ký hiệu',
  issuedDate: 'Ngày ban hành',
  inForceDate: 'Ngày có hiệu lực',
  storagePlace: 'Nơi lưu',
};

const REQUIRED: readonly (keyof ExternalSource)[] = ['issuingBody', 'numberSymbol', 'issuedDate'];
const FIELD = 'external';

export const EXTERNAL_SOURCE_MESSAGES = {
  onlyExternal:
    'Chỉ tài liệu bên ngoài mới có cơ quan ban hành, số và ký hiệu, ngày ban hành, ngày có hiệu lực và nơi lưu.',
  required: (label: string) => `${label} của tài liệu bên ngoài là bắt buộc.`,
  issuedInFuture: 'Ngày ban hành không được sau ngày hôm nay.',
  inForceBeforeIssued: 'Ngày có hiệu lực không được trước ngày ban hành.',
} as const;

interface FieldError {
  field: string;
  rules: string[];
  message: string;
}

/** The external source a version holds, or null (every other type, or an external one never filled). */
export function externalSourceOf(v: ExternalSourceColumns): ExternalSource | null {
  if (v.issuingBody === null && v.numberSymbol === null && v.issuedDate === null) return null;
  return {
    issuingBody: v.issuingBody ?? '',
    numberSymbol: v.numberSymbol ?? '',
    issuedDate: v.issuedDate ?? '',
    inForceDate: v.inForceDate,
    storagePlace: v.storagePlace,
  };
}

export function toExternalColumns(source: ExternalSource | null): ExternalSourceColumns {
  return {
    issuingBody: source?.issuingBody ?? null,
    numberSymbol: source?.numberSymbol ?? null,
    issuedDate: source?.issuedDate ?? null,
    inForceDate: source?.inForceDate ?? null,
    storagePlace: source?.storagePlace ?? null,
  };
}

/**
 * The external source after `input` is applied to `current`, checked against the document's
 * type: only external documents have one, and theirs names its issuer, number and date of issue,
 * is not issued in the future and not in force before it is issued. Refused with
 * VALIDATION_FAILED, each error naming its field (`external.issuedDate`) in Vietnamese.
 */
export function resolveExternalSource(
  type: DocumentType,
  current: ExternalSource | null,
  input: ExternalSourceInput | undefined,
  today: string,
): ExternalSource | null {
  if (type !== DocumentType.External) {
    if (input === undefined) return null;
    throw invalid([
      { field: FIELD, rules: ['externalOnly'], message: EXTERNAL_SOURCE_MESSAGES.onlyExternal },
    ]);
  }
  const defined = Object.fromEntries(
    Object.entries(input ?? {}).filter(([, value]) => value !== undefined),
  ) as ExternalSourceInput;
  const merged = { ...toExternalColumns(current), ...defined };
  const text = (value: string | null | undefined): string | null => value?.trim() || null;
  const next = {
    issuingBody: text(merged.issuingBody),
    numberSymbol: text(merged.numberSymbol),
    issuedDate: merged.issuedDate ?? null,
    inForceDate: merged.inForceDate ?? null,
    storagePlace: text(merged.storagePlace),
  };
  const errors: FieldError[] = REQUIRED.filter((key) => !next[key]).map((key) => ({
    field: `${FIELD}.${key}`,
    rules: ['required'],
    message: EXTERNAL_SOURCE_MESSAGES.required(EXTERNAL_SOURCE_LABELS[key]),
  }));
  // Calendar dates `YYYY-MM-DD` compare as text.
  if (next.issuedDate && next.issuedDate > today) {
    errors.push({
      field: `${FIELD}.issuedDate`,
      rules: ['notInFuture'],
      message: EXTERNAL_SOURCE_MESSAGES.issuedInFuture,
    });
  }
  if (next.issuedDate && next.inForceDate && next.inForceDate < next.issuedDate) {
    errors.push({
      field: `${FIELD}.inForceDate`,
      rules: ['notBeforeIssued'],
      message: EXTERNAL_SOURCE_MESSAGES.inForceBeforeIssued,
    });
  }
  if (errors.length) throw invalid(errors);
  return {
    issuingBody: next.issuingBody!,
    numberSymbol: next.numberSymbol!,
    issuedDate: next.issuedDate!,
    inForceDate: next.inForceDate,
    storagePlace: next.storagePlace,
  };
}

function invalid(errors: FieldError[]): DomainException {
  return new DomainException(ErrorCode.ValidationFailed, { errors });
}
