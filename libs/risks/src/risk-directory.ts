import { Injectable } from '@nestjs/common';
import { Db, TransactionRunner } from '@eiso/database';
import { AgencyDirectory } from '@eiso/organizations';
import { RiskRepository } from './risk.repository';
import { RiskKind, RiskLevel, RISK_LEVELS } from './risk-state';
import { riskCode } from './risks.messages';

export interface RiskSummary {
  /** Risks and opportunities open at the end of `to` (created ≤ to, not closed by then), with
   *  the assessment in force at that moment (the latest assessed_at ≤ end of `to`). */
  open: { total: number; risks: number; opportunities: number; byLevel: Record<RiskLevel, number> };
  /** Open at `to` with level 'high', highest score first then code. */
  high: {
    id: string;
    code: string;
    kind: RiskKind;
    description: string;
    score: number;
    level: RiskLevel;
    ownerOrgUnitName: string;
    treatment: string;
  }[];
  /** Created inside [from, to]. */
  raised: number;
  /** Closed inside [from, to]. */
  closed: number;
  /** Re-assessments (not the first assessment) made inside [from, to], oldest first. */
  reassessments: {
    riskId: string;
    code: string;
    description: string;
    assessedAt: string;
    fromScore: number;
    toScore: number;
    fromLevel: RiskLevel;
    toLevel: RiskLevel;
  }[];
}

/**
 * How other domains (management reviews) read the register: read-only, reproducible for a past
 * window from the history rows (created_at, the closings and reopenings, the assessments); [from,
 * to] are calendar days in Asia/Ho_Chi_Minh, both included.
 */
@Injectable()
export class RiskDirectory {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: RiskRepository,
    private readonly agencies: AgencyDirectory,
  ) {}

  async summaryIn(agencyId: string, from: string, to: string, db: Db = this.tx.db): Promise<RiskSummary> {
    const open = await this.repository.openAt(db, agencyId, from, to);
    const counts = await this.repository.raisedAndClosed(db, agencyId, from, to);
    const reassessments = await this.repository.reassessmentsIn(db, agencyId, from, to);
    const high = open.filter((r) => r.level === 'high');
    const units = await this.agencies.orgUnitNames(
      high.map((r) => r.owner_org_unit_id),
      db,
    );
    const byLevel = Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as Record<RiskLevel, number>;
    for (const r of open) byLevel[r.level] += 1;
    return {
      open: {
        total: open.length,
        risks: open.filter((r) => r.kind === 'risk').length,
        opportunities: open.filter((r) => r.kind === 'opportunity').length,
        byLevel,
      },
      high: high.map((r) => ({
        id: r.id,
        code: riskCode(r.kind, r.serial),
        kind: r.kind,
        description: r.description,
        score: r.score,
        level: r.level,
        ownerOrgUnitName: units.get(r.owner_org_unit_id) ?? '',
        treatment: r.treatment,
      })),
      raised: counts.raised,
      closed: counts.closed,
      reassessments: reassessments.map((r) => ({
        riskId: r.risk_id,
        code: riskCode(r.kind, r.serial),
        description: r.description,
        assessedAt: r.assessed_at.toISOString(),
        fromScore: r.from_score,
        toScore: r.to_score,
        fromLevel: r.from_level,
        toLevel: r.to_level,
      })),
    };
  }
}
