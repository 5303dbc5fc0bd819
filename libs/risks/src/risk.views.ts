import { riskCode } from './risks.messages';
import {
  RISK_CONTEXT_LABELS,
  RISK_KIND_LABELS,
  RISK_LEVEL_LABELS,
  RISK_STATE_LABELS,
  RiskContext,
  RiskKind,
  RiskLevel,
  RiskState,
} from './risk-state';
import { RiskAssessmentEntity } from './risk-assessment.entity';
import { RiskStateChangeEntity } from './risk-state-change.entity';
import { RiskEntity } from './risk.entity';

export interface RiskView {
  id: string;
  agencyId: string;
  /** RR-001 for a risk, CH-001 for an opportunity. */
  code: string;
  kind: RiskKind;
  kindLabel: string;
  serial: number;
  context: RiskContext;
  contextLabel: string;
  contextNote: string | null;
  description: string;
  ownerOrgUnitId: string;
  ownerOrgUnitName: string | null;
  ownerUserId: string | null;
  ownerUserName: string | null;
  likelihood: number;
  impact: number;
  score: number;
  level: RiskLevel;
  levelLabel: string;
  treatment: string;
  reviewDate: string;
  /** Open and its review date is today or past (Vietnam). */
  reviewOverdue: boolean;
  state: RiskState;
  stateLabel: string;
  closeReason: string | null;
  closedAt: string | null;
  closedBy: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface RiskAssessmentView {
  id: string;
  /** 1: the assessment at creation; then each re-assessment. */
  position: number;
  initial: boolean;
  likelihood: number;
  impact: number;
  score: number;
  level: RiskLevel;
  levelLabel: string;
  treatment: string;
  note: string | null;
  reviewDate: string;
  assessedBy: string;
  assessedByName: string | null;
  assessedAt: string;
}

export interface RiskStateChangeView {
  id: string;
  toState: RiskState;
  toStateLabel: string;
  reason: string;
  changedBy: string;
  changedByName: string | null;
  changedAt: string;
}

export interface RiskDetailView extends RiskView {
  /** Oldest first. */
  assessments: RiskAssessmentView[];
  /** Closings and reopenings, oldest first. */
  stateChanges: RiskStateChangeView[];
}

export interface RiskHeatMapCell {
  likelihood: number;
  impact: number;
  score: number;
  level: RiskLevel;
  levelLabel: string;
  count: number;
}

export interface RiskHeatMapView {
  kind: RiskKind | null;
  /** Open items in total. */
  total: number;
  /** The 25 cells, impact 5 → 1 then likelihood 1 → 5. */
  cells: RiskHeatMapCell[];
}

export interface RiskNames {
  units: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
}

export function toRiskView(r: RiskEntity, names: RiskNames, today: string): RiskView {
  return {
    id: r.id,
    agencyId: r.agencyId,
    code: riskCode(r.kind, r.serial),
    kind: r.kind,
    kindLabel: RISK_KIND_LABELS[r.kind],
    serial: r.serial,
    context: r.context,
    contextLabel: RISK_CONTEXT_LABELS[r.context],
    contextNote: r.contextNote,
    description: r.description,
    ownerOrgUnitId: r.ownerOrgUnitId,
    ownerOrgUnitName: names.units.get(r.ownerOrgUnitId) ?? null,
    ownerUserId: r.ownerUserId,
    ownerUserName: r.ownerUserId ? (names.users.get(r.ownerUserId) ?? null) : null,
    likelihood: r.likelihood,
    impact: r.impact,
    score: r.score,
    level: r.level,
    levelLabel: RISK_LEVEL_LABELS[r.level],
    treatment: r.treatment,
    reviewDate: r.reviewDate,
    reviewOverdue: r.state === 'open' && r.reviewDate <= today,
    state: r.state,
    stateLabel: RISK_STATE_LABELS[r.state],
    closeReason: r.closeReason,
    closedAt: r.closedAt?.toISOString() ?? null,
    closedBy: r.closedBy,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

export function toAssessmentView(
  a: RiskAssessmentEntity,
  users: ReadonlyMap<string, string>,
): RiskAssessmentView {
  return {
    id: a.id,
    position: a.position,
    initial: a.position === 1,
    likelihood: a.likelihood,
    impact: a.impact,
    score: a.score,
    level: a.level,
    levelLabel: RISK_LEVEL_LABELS[a.level],
    treatment: a.treatment,
    note: a.note,
    reviewDate: a.reviewDate,
    assessedBy: a.assessedBy,
    assessedByName: users.get(a.assessedBy) ?? null,
    assessedAt: a.assessedAt.toISOString(),
  };
}

export function toStateChangeView(
  c: RiskStateChangeEntity,
  users: ReadonlyMap<string, string>,
): RiskStateChangeView {
  return {
    id: c.id,
    toState: c.toState,
    toStateLabel: RISK_STATE_LABELS[c.toState],
    reason: c.reason,
    changedBy: c.changedBy,
    changedByName: users.get(c.changedBy) ?? null,
    changedAt: c.changedAt.toISOString(),
  };
}
