import { DomainException, ErrorCode } from '@eiso/common';
import { NonconformitySource } from './capa-state';
import { NONCONFORMITY_MESSAGES } from './capa.messages';

/** What a source may carry about where the nonconformity came from. */
export interface SourceDetails {
  complaintRef?: string | null;
  complainant?: string | null;
  tthcCode?: string | null;
  dossierNumber?: string | null;
  daysLate?: number | null;
  managementReviewRef?: string | null;
}

const REQUIRED: Record<NonconformitySource, (keyof SourceDetails)[]> = {
  [NonconformitySource.AuditFinding]: [],
  [NonconformitySource.Complaint]: ['complaintRef', 'complainant'],
  [NonconformitySource.LateDossier]: ['tthcCode', 'dossierNumber', 'daysLate'],
  [NonconformitySource.ManagementReview]: ['managementReviewRef'],
  [NonconformitySource.Self]: [],
};

/** The Vietnamese labels of the details a source requires and the input lacks, in a fixed order. */
export function missingSourceDetails(
  source: NonconformitySource,
  input: SourceDetails,
  options: { lateDossierSummary?: boolean } = {},
): string[] {
  return REQUIRED[source]
    .filter((field) => {
      const value = input[field];
      if (field === 'daysLate') {
        // A month's summary of counted dossiers (objectives) has no day count.
        if (options.lateDossierSummary && value == null) return false;
        return typeof value !== 'number' || !Number.isInteger(value) || value < 1;
      }
      return typeof value !== 'string' || !value.trim();
    })
    .map((field) => NONCONFORMITY_MESSAGES.fields[field]);
}

/**
 * The details kept for a source: only the ones it requires (a complaint reference sent with a
 * self-detected nonconformity is dropped), trimmed.
 */
export function sourceDetailsOf(source: NonconformitySource, input: SourceDetails): Required<SourceDetails> {
  const keep = new Set(REQUIRED[source]);
  const text = (field: keyof SourceDetails): string | null => {
    const value = input[field];
    return keep.has(field) && typeof value === 'string' ? value.trim() : null;
  };
  return {
    complaintRef: text('complaintRef'),
    complainant: text('complainant'),
    tthcCode: text('tthcCode'),
    dossierNumber: text('dossierNumber'),
    daysLate: keep.has('daysLate') ? (input.daysLate ?? null) : null,
    managementReviewRef: text('managementReviewRef'),
  };
}

/**
 * A detection date filed by hand: not after today, not before 1 January of the year before the
 * current one (Vietnam calendar; the register of last year can still be completed).
 */
export function assertDetectedOn(detectedOn: string, today: string): void {
  if (detectedOn > today) throw new DomainException(ErrorCode.NonconformityDetectedInFuture);
  const earliest = `${Number(today.slice(0, 4)) - 1}-01-01`;
  if (detectedOn < earliest) {
    throw new DomainException(ErrorCode.NonconformityDetectedTooEarly, {
      earliest,
      message: NONCONFORMITY_MESSAGES.detectedTooEarly(earliest),
    });
  }
}
