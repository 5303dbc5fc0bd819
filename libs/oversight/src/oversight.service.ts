import { Injectable } from '@nestjs/common';
import {
  Actor,
  Clock,
  DomainException,
  ErrorCode,
  formatDateVi,
  offsetOf,
  Page,
  PageRequest,
  todayInVietnam,
} from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { AgencyHeadingReader } from '@eiso/organizations';
import { renderReport, ReportFile, ReportFormat, ReportTable } from '@eiso/reports';
import { OVERSIGHT_MESSAGES } from './oversight.messages';
import { OversightFilter, oversightPageQuery, oversightSummaryQuery } from './oversight.query';
import { OversightRow, OversightSqlRow, toOversightRow } from './oversight-row';

export type OversightQuery = OversightFilter & PageRequest;

export interface OversightSummaryGroup {
  level: string;
  levelLabel: string;
  roadmapYear: number | null;
  total: number;
  declared: number;
  onTrack: number;
  late: number;
}

export interface OversightSummary {
  year: number;
  /** The day the figures are counted on: the end of `year`, or today for the current year. */
  asOf: string;
  total: number;
  declared: number;
  onTrack: number;
  late: number;
  groups: OversightSummaryGroup[];
}

/**
 * The province's view of every agency (DESIGN §8): the board (one statement per page over the
 * read model agency_oversight), the summary by level and roadmap year, and the annual report. It
 * shows only what agencies have issued or declared, never a draft.
 */
@Injectable()
export class OversightService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly headings: AgencyHeadingReader,
    private readonly clock: Clock,
  ) {}

  async agencies(query: OversightQuery): Promise<Page<OversightRow>> {
    const { sql, params } = oversightPageQuery(this.today(), query, offsetOf(query), query.pageSize);
    const rows: OversightSqlRow[] = await this.tx.db.query(sql, params);
    return {
      items: rows.map(toOversightRow),
      total: rows.length ? Number(rows[0].total) : await this.count(query),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async summary(year?: number): Promise<OversightSummary> {
    const { year: y, asOf } = this.asOfYear(year);
    const { sql, params } = oversightSummaryQuery(asOf);
    const rows: {
      level: string;
      roadmap_year: number | null;
      total: number;
      declared: number;
      on_track: number;
      late: number;
    }[] = await this.tx.db.query(sql, params);
    const groups = rows.map((r) => ({
      level: r.level,
      levelLabel: OVERSIGHT_MESSAGES.levelLabel(r.level),
      roadmapYear: r.roadmap_year,
      total: r.total,
      declared: r.declared,
      onTrack: r.on_track,
      late: r.late,
    }));
    const sum = (key: 'total' | 'declared' | 'onTrack' | 'late') => groups.reduce((n, g) => n + g[key], 0);
    return {
      year: y,
      asOf,
      total: sum('total'),
      declared: sum('declared'),
      onTrack: sum('onTrack'),
      late: sum('late'),
      groups,
    };
  }

  /**
   * Báo cáo tình hình xây dựng, áp dụng, duy trì và cải tiến HTQLCL of `year`: every active agency
   * on the end of the year (today for the current one), with the totals, headed by the overseer's
   * own agency (Sở KH&CN).
   */
  async annualReport(actor: Actor, year: number | undefined, format: ReportFormat): Promise<ReportFile> {
    const summary = await this.summary(year);
    const table = await this.table(actor, summary.asOf, {}, [
      OVERSIGHT_MESSAGES.reportSubject(summary.year),
      OVERSIGHT_MESSAGES.reportTotals(summary.total, summary.declared, summary.onTrack, summary.late),
      OVERSIGHT_MESSAGES.reportAsOf(formatDateVi(summary.asOf)),
    ]);
    return renderReport(table, format, OVERSIGHT_MESSAGES.reportFileName(summary.year));
  }

  /** Every row of the board's filter (not one page) as a spreadsheet or a PDF. */
  async exportAgencies(actor: Actor, filter: OversightFilter, format: ReportFormat): Promise<ReportFile> {
    const asOf = this.today();
    const table = await this.table(actor, asOf, filter, [
      OVERSIGHT_MESSAGES.boardSubject,
      OVERSIGHT_MESSAGES.reportAsOf(formatDateVi(asOf)),
    ]);
    return renderReport(table, format, OVERSIGHT_MESSAGES.boardFileName(asOf));
  }

  /** The agencies of `filter` on `asOf` as a report table headed by the overseer's own agency. */
  private async table(
    actor: Actor,
    asOf: string,
    filter: OversightFilter,
    subtitle: string[],
  ): Promise<ReportTable> {
    if (!actor.agencyId) throw new DomainException(ErrorCode.Forbidden);
    const { sql, params } = oversightPageQuery(asOf, filter, 0, null);
    const found: OversightSqlRow[] = await this.tx.db.query(sql, params);
    const rows = found.map(toOversightRow);
    const c = OVERSIGHT_MESSAGES.columns;
    return {
      title: OVERSIGHT_MESSAGES.reportTitle,
      subtitle,
      heading: await this.headings.headingOf(actor.agencyId),
      generatedAt: this.clock.now(),
      columns: [
        { key: 'no', header: c.no, width: 4, align: 'center' },
        { key: 'name', header: c.name, width: 22 },
        { key: 'level', header: c.level, width: 11 },
        { key: 'roadmapYear', header: c.roadmapYear, width: 7, align: 'center' },
        { key: 'declaration', header: c.declaration, width: 13 },
        { key: 'declarationDate', header: c.declarationDate, width: 9, type: 'date' },
        { key: 'documents', header: c.documents, width: 7, align: 'right' },
        { key: 'overdueReviews', header: c.overdueReviews, width: 7, align: 'right' },
        { key: 'openActions', header: c.openActions, width: 7, align: 'right' },
        { key: 'overdueActions', header: c.overdueActions, width: 7, align: 'right' },
        { key: 'lastAudit', header: c.lastAudit, width: 9, type: 'date' },
        { key: 'lastReview', header: c.lastReview, width: 9, type: 'date' },
        { key: 'onTrack', header: c.onTrack, width: 9 },
      ],
      rows: rows.map((r, i) => ({
        no: i + 1,
        name: r.name,
        level: OVERSIGHT_MESSAGES.levelLabel(r.level),
        roadmapYear: r.roadmapYear,
        declaration: OVERSIGHT_MESSAGES.declaration(r.declaration?.number ?? null),
        declarationDate: r.declaration?.date ?? null,
        documents: r.documentsInForce,
        overdueReviews: r.overdueReviews,
        openActions: r.openCorrectiveActions,
        overdueActions: r.overdueCorrectiveActions,
        lastAudit: r.lastAuditOn,
        lastReview: r.lastReviewOn,
        onTrack: OVERSIGHT_MESSAGES.onTrack(r.onTrack),
      })),
      footnote: OVERSIGHT_MESSAGES.reportFootnote,
    };
  }

  private today(): string {
    return todayInVietnam(this.clock.now());
  }

  /** The year asked (the current one by default) and the day it is counted on. */
  private asOfYear(year?: number): { year: number; asOf: string } {
    const today = this.today();
    const y = year ?? Number(today.slice(0, 4));
    const end = `${y}-12-31`;
    return { year: y, asOf: end < today ? end : today };
  }

  /** The total when the page is past the last row (no row carries it). */
  private async count(filter: OversightFilter): Promise<number> {
    const { sql, params } = oversightPageQuery(this.today(), filter, 0, 1);
    const rows: OversightSqlRow[] = await this.tx.db.query(sql, params);
    return rows.length ? Number(rows[0].total) : 0;
  }
}
