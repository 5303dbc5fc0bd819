import { AuditRiskLevel, AuditProgrammeEntryEntity } from './audit-programme-entry.entity';
import { AuditProgrammeEntity } from './audit-programme.entity';
import { RISK_LEVEL_LABELS } from './audits.messages';

export interface AuditProgrammeEntryView {
  id: string;
  position: number;
  orgUnitId: string | null;
  orgUnitName: string | null;
  process: string | null;
  riskLevel: AuditRiskLevel;
  riskLevelLabel: string;
  auditsPerYear: number;
  plannedMonths: number[];
  note: string | null;
}

export interface AuditProgrammeView {
  id: string;
  agencyId: string;
  year: number;
  title: string;
  objectives: string;
  criteria: string;
  clauseEdition: string;
  /** Single reads only. */
  entries?: AuditProgrammeEntryView[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function toAuditProgrammeView(
  p: AuditProgrammeEntity,
  entries?: { rows: AuditProgrammeEntryEntity[]; unitNames: ReadonlyMap<string, string> },
): AuditProgrammeView {
  return {
    id: p.id,
    agencyId: p.agencyId,
    year: p.year,
    title: p.title,
    objectives: p.objectives,
    criteria: p.criteria,
    clauseEdition: p.clauseEdition,
    ...(entries
      ? {
          entries: entries.rows.map((e) => ({
            id: e.id,
            position: e.position,
            orgUnitId: e.orgUnitId,
            orgUnitName: e.orgUnitId ? (entries.unitNames.get(e.orgUnitId) ?? null) : null,
            process: e.process,
            riskLevel: e.riskLevel,
            riskLevelLabel: RISK_LEVEL_LABELS[e.riskLevel],
            auditsPerYear: e.auditsPerYear,
            plannedMonths: e.plannedMonths,
            note: e.note,
          })),
        }
      : {}),
    createdBy: p.createdBy,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}
