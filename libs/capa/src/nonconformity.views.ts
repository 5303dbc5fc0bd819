import {
  CORRECTIVE_ACTION_STATE_LABELS,
  CorrectiveActionState,
  NONCONFORMITY_SEVERITY_LABELS,
  NONCONFORMITY_SOURCE_LABELS,
  NonconformitySeverity,
  NonconformitySource,
  NonconformityState,
} from './capa-state';
import { nonconformityNumber } from './nonconformity-numbering';
import { NonconformityEntity } from './nonconformity.entity';

export const NONCONFORMITY_STATE_LABELS: Record<NonconformityState, string> = {
  [NonconformityState.Open]: 'Đang xử lý',
  [NonconformityState.Closed]: 'Đã kết thúc',
};

export interface NonconformityView {
  id: string;
  agencyId: string;
  /** "07/2026": serial in the agency's year. */
  number: string;
  year: number;
  serial: number;
  source: NonconformitySource;
  sourceLabel: string;
  severity: NonconformitySeverity;
  severityLabel: string;
  title: string;
  description: string;
  clause: string | null;
  clauseEdition: string | null;
  orgUnitId: string | null;
  detectedOn: string;
  detectedBy: string;
  auditId: string | null;
  findingId: string | null;
  complaintRef: string | null;
  complainant: string | null;
  tthcCode: string | null;
  dossierNumber: string | null;
  daysLate: number | null;
  managementReviewRef: string | null;
  state: NonconformityState;
  stateLabel: string;
  closedAt: string | null;
  /** The corrective action (phiếu yêu cầu hành động khắc phục), once one is opened. */
  correctiveActionId: string | null;
  correctiveActionState: CorrectiveActionState | null;
  correctiveActionStateLabel: string | null;
  /** Some action of the corrective action is past its due date and not done. */
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function toNonconformityView(
  nc: NonconformityEntity,
  action: { id: string | null; state: CorrectiveActionState | null; overdue: boolean },
): NonconformityView {
  return {
    id: nc.id,
    agencyId: nc.agencyId,
    number: nonconformityNumber(nc.serial, nc.year),
    year: nc.year,
    serial: nc.serial,
    source: nc.source,
    sourceLabel: NONCONFORMITY_SOURCE_LABELS[nc.source],
    severity: nc.severity,
    severityLabel: NONCONFORMITY_SEVERITY_LABELS[nc.severity],
    title: nc.title,
    description: nc.description,
    clause: nc.clause,
    clauseEdition: nc.clauseEdition,
    orgUnitId: nc.orgUnitId,
    detectedOn: nc.detectedOn,
    detectedBy: nc.detectedBy,
    auditId: nc.auditId,
    findingId: nc.findingId,
    complaintRef: nc.complaintRef,
    complainant: nc.complainant,
    tthcCode: nc.tthcCode,
    dossierNumber: nc.dossierNumber,
    daysLate: nc.daysLate,
    managementReviewRef: nc.managementReviewRef,
    state: nc.state,
    stateLabel: NONCONFORMITY_STATE_LABELS[nc.state],
    closedAt: nc.closedAt ? nc.closedAt.toISOString() : null,
    correctiveActionId: action.id,
    correctiveActionState: action.state,
    correctiveActionStateLabel: action.state ? CORRECTIVE_ACTION_STATE_LABELS[action.state] : null,
    overdue: action.overdue,
    createdAt: nc.createdAt.toISOString(),
    updatedAt: nc.updatedAt.toISOString(),
    version: nc.version,
  };
}
