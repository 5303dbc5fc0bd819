import { AttachmentEntity } from '@eiso/attachments';
import { LateDossierDetail, ObjectiveMeasurementEntity } from './objective-measurement.entity';
import { ObjectiveEntity } from './objective.entity';
import {
  ObjectiveAggregation,
  ObjectiveDirection,
  ObjectiveFrequency,
  ObjectiveState,
  ObjectiveStatus,
  OBJECTIVE_STATE_LABELS,
  OBJECTIVE_STATUS_LABELS,
} from './objective-state';
import { periodBounds } from './objective-periods';
import { ObjectiveStatusResult } from './objective-status';

export interface ObjectiveFileView {
  id: string;
  name: string;
  size: number;
  sha256: string;
  mediaType: string;
  createdAt: string;
}

export interface ObjectiveMeasurementView {
  id: string;
  objectiveId: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  meetsTarget: boolean;
  note: string | null;
  detail: LateDossierDetail | null;
  /** Dossiers late in the month (from the one-stop-shop import), 0 without detail. */
  lateDossiers: number;
  nonconformityId: string | null;
  nonconformityNumber: string | null;
  enteredBy: string;
  enteredByName: string | null;
  enteredAt: string;
  updatedAt: string;
  version: number;
}

export interface ObjectiveView {
  id: string;
  agencyId: string;
  year: number;
  statement: string;
  kpiName: string;
  unit: string;
  direction: ObjectiveDirection;
  target: number;
  frequency: ObjectiveFrequency;
  aggregation: ObjectiveAggregation;
  ownerOrgUnitId: string;
  ownerOrgUnitName: string | null;
  state: ObjectiveState;
  stateLabel: string;
  withdrawnReason: string | null;
  withdrawnAt: string | null;
  status: ObjectiveStatus;
  statusLabel: string;
  result: number | null;
  projection: number | null;
  measuredPeriods: number;
  totalPeriods: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ObjectiveDetailView extends ObjectiveView {
  measurements: ObjectiveMeasurementView[];
}

export interface ObjectiveMeasurementImportView {
  created: string[];
  updated: string[];
  objective: ObjectiveDetailView;
}

export function lateDossiersOf(detail: LateDossierDetail | null): number {
  return detail ? detail.tthc.reduce((acc, t) => acc + t.late, 0) : 0;
}

export function toObjectiveView(
  o: ObjectiveEntity,
  extra: {
    ownerOrgUnitName: string | null;
    status: ObjectiveStatusResult;
    measuredPeriods: number;
    totalPeriods: number;
  },
): ObjectiveView {
  return {
    id: o.id,
    agencyId: o.agencyId,
    year: o.year,
    statement: o.statement,
    kpiName: o.kpiName,
    unit: o.unit,
    direction: o.direction,
    target: o.target,
    frequency: o.frequency,
    aggregation: o.aggregation,
    ownerOrgUnitId: o.ownerOrgUnitId,
    ownerOrgUnitName: extra.ownerOrgUnitName,
    state: o.state,
    stateLabel: OBJECTIVE_STATE_LABELS[o.state],
    withdrawnReason: o.withdrawnReason,
    withdrawnAt: o.withdrawnAt?.toISOString() ?? null,
    status: extra.status.status,
    statusLabel: OBJECTIVE_STATUS_LABELS[extra.status.status],
    result: extra.status.result,
    projection: extra.status.projection,
    measuredPeriods: extra.measuredPeriods,
    totalPeriods: extra.totalPeriods,
    createdBy: o.createdBy,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    version: o.version,
  };
}

export function toMeasurementView(
  m: ObjectiveMeasurementEntity,
  meets: boolean,
  enteredByName: string | null,
): ObjectiveMeasurementView {
  return {
    id: m.id,
    objectiveId: m.objectiveId,
    period: m.period,
    periodStart: m.periodStart,
    periodEnd: periodBounds(m.period)?.last ?? m.periodStart,
    value: m.value,
    meetsTarget: meets,
    note: m.note,
    detail: m.detail,
    lateDossiers: lateDossiersOf(m.detail),
    nonconformityId: m.nonconformityId,
    nonconformityNumber: m.nonconformityNumber,
    enteredBy: m.enteredBy,
    enteredByName,
    enteredAt: m.enteredAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    version: m.version,
  };
}

export function toObjectiveFileView(f: AttachmentEntity): ObjectiveFileView {
  return {
    id: f.id,
    name: f.name,
    size: f.size,
    sha256: f.sha256,
    mediaType: f.mediaType,
    createdAt: f.createdAt.toISOString(),
  };
}
