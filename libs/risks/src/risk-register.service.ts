import { Injectable } from '@nestjs/common';
import { Actor, Clock, todayInVietnam } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { UserDirectory } from '@eiso/identity';
import { AgencyDirectory, AgencyHeadingReader } from '@eiso/organizations';
import { renderReport, ReportFile, ReportFormat, ReportTable } from '@eiso/reports';
import { riskAgencyOf } from './risk-finder';
import { RiskListFilter, RiskRepository } from './risk.repository';
import { RISK_MESSAGES } from './risks.messages';
import { RiskView, toRiskView } from './risk.views';

/** A line of the Sổ đăng ký rủi ro và cơ hội. */
export interface RiskRegisterEntry extends RiskView {
  no: number;
}

export type RiskRegisterFilter = Omit<RiskListFilter, 'agencyId' | 'q'>;

/**
 * Sổ đăng ký rủi ro và cơ hội: every risk then every opportunity of the agency, by code, with its
 * assessment in force, owner, treatment and review date (one query, then names).
 */
@Injectable()
export class RiskRegisterService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: RiskRepository,
    private readonly users: UserDirectory,
    private readonly agencies: AgencyDirectory,
    private readonly headings: AgencyHeadingReader,
    private readonly clock: Clock,
  ) {}

  async entries(actor: Actor, filter: RiskRegisterFilter = {}): Promise<RiskRegisterEntry[]> {
    const db = this.tx.db;
    const today = todayInVietnam(this.clock.now());
    const rows = await this.repository.registerRows(db, { ...filter, agencyId: riskAgencyOf(actor) }, today);
    const units = await this.agencies.orgUnitNames(
      rows.map((r) => r.ownerOrgUnitId),
      db,
    );
    const users = await this.users.fullNamesOf(
      rows.flatMap((r) => (r.ownerUserId ? [r.ownerUserId] : [])),
      db,
    );
    return rows.map((r, i) => ({ no: i + 1, ...toRiskView(r, { units, users }, today) }));
  }

  async file(actor: Actor, format: ReportFormat, filter: RiskRegisterFilter = {}): Promise<ReportFile> {
    const entries = await this.entries(actor, filter);
    const today = todayInVietnam(this.clock.now());
    const text = RISK_MESSAGES.register;
    const columns = text.columns;
    const table: ReportTable = {
      title: text.title,
      heading: await this.headings.headingOf(riskAgencyOf(actor)),
      generatedAt: this.clock.now(),
      subtitle: [
        text.subtitle(
          today,
          entries.filter((e) => e.kind === 'risk').length,
          entries.filter((e) => e.kind === 'opportunity').length,
          entries.filter((e) => e.state === 'open').length,
        ),
      ],
      columns: [
        { key: 'no', header: columns.no, width: 4, align: 'center' },
        { key: 'code', header: columns.code, width: 7, align: 'center' },
        { key: 'kind', header: columns.kind, width: 6, align: 'center' },
        { key: 'context', header: columns.context, width: 12 },
        { key: 'description', header: columns.description, width: 22 },
        { key: 'owner', header: columns.owner, width: 12 },
        { key: 'likelihood', header: columns.likelihood, width: 6, align: 'center' },
        { key: 'impact', header: columns.impact, width: 6, align: 'center' },
        { key: 'score', header: columns.score, width: 5, align: 'center' },
        { key: 'level', header: columns.level, width: 7, align: 'center' },
        { key: 'treatment', header: columns.treatment, width: 20 },
        { key: 'reviewDate', header: columns.reviewDate, width: 9, align: 'center', type: 'date' },
        { key: 'state', header: columns.state, width: 9 },
      ],
      rows: entries.map((e) => ({
        no: e.no,
        code: e.code,
        kind: e.kindLabel,
        context: e.contextNote ? `${e.contextLabel}: ${e.contextNote}` : e.contextLabel,
        description: e.description,
        owner: [e.ownerOrgUnitName, e.ownerUserName].filter(Boolean).join('\n') || null,
        likelihood: e.likelihood,
        impact: e.impact,
        score: e.score,
        level: e.levelLabel,
        treatment: e.treatment,
        reviewDate: e.reviewDate,
        state: e.closeReason ? `${e.stateLabel}\n${e.closeReason}` : e.stateLabel,
      })),
      footnote: text.footnote,
    };
    return renderReport(table, format, text.fileName(today));
  }
}
