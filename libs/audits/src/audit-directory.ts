import { Injectable } from '@nestjs/common';
import { Db, TransactionRunner } from '@eiso/database';
import { auditNumber } from './audit-team';

/** An internal audit reported in a period, with its findings counted by type. */
export interface AuditReportedInPeriod {
  auditId: string;
  /** "01/2026". */
  number: string;
  title: string;
  startDate: string;
  endDate: string;
  /** The day the lead auditor signed the report (Vietnam). */
  reportedOn: string;
  leadAuditorId: string;
  findings: { major_nc: number; minor_nc: number; observation: number; ofi: number };
}

/**
 * How other domains (the management review) read internal audits: read-only, one query per call,
 * with the caller's transaction handle when it has one.
 */
@Injectable()
export class AuditDirectory {
  constructor(private readonly tx: TransactionRunner) {}

  /** Audits of the agency whose report was signed in [from, to] (Vietnam days), by report time. */
  async reportedIn(
    agencyId: string,
    from: string,
    to: string,
    db: Db = this.tx.db,
  ): Promise<AuditReportedInPeriod[]> {
    const rows: {
      id: string;
      year: number;
      serial: number;
      title: string;
      start_date: string;
      end_date: string;
      reported_on: string;
      lead_auditor_id: string;
      major_nc: number;
      minor_nc: number;
      observation: number;
      ofi: number;
    }[] = await db.query(
      `SELECT a.id, a.year, a.serial, a.title,
              to_char(a.start_date, 'YYYY-MM-DD') AS start_date, to_char(a.end_date, 'YYYY-MM-DD') AS end_date,
              to_char((a.reported_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD') AS reported_on,
              a.lead_auditor_id,
              count(f.id) FILTER (WHERE f.type = 'major_nc')::int AS major_nc,
              count(f.id) FILTER (WHERE f.type = 'minor_nc')::int AS minor_nc,
              count(f.id) FILTER (WHERE f.type = 'observation')::int AS observation,
              count(f.id) FILTER (WHERE f.type = 'ofi')::int AS ofi
         FROM audit a LEFT JOIN audit_finding f ON f.audit_id = a.id
        WHERE a.agency_id = $1 AND a.reported_at IS NOT NULL AND a.state IN ('reported', 'closed')
          AND (a.reported_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $2::date AND $3::date
        GROUP BY a.id
        ORDER BY a.reported_at, a.year, a.serial`,
      [agencyId, from, to],
    );
    return rows.map((r) => ({
      auditId: r.id,
      number: auditNumber(r),
      title: r.title,
      startDate: r.start_date,
      endDate: r.end_date,
      reportedOn: r.reported_on,
      leadAuditorId: r.lead_auditor_id,
      findings: { major_nc: r.major_nc, minor_nc: r.minor_nc, observation: r.observation, ofi: r.ofi },
    }));
  }

  // --- conformity: the last internal audit closed (read-only) ---

  /** The agency's internal audit closed last (closed = every nonconformity followed up), or null. */
  async lastClosed(
    agencyId: string,
    db: Db = this.tx.db,
  ): Promise<{ auditId: string; number: string; title: string; closedOn: string } | null> {
    const rows: { id: string; year: number; serial: number; title: string; closed_on: string }[] =
      await db.query(
        `SELECT a.id, a.year, a.serial, a.title,
                to_char((a.closed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD') AS closed_on
           FROM audit a
          WHERE a.agency_id = $1 AND a.state = 'closed' AND a.closed_at IS NOT NULL
          ORDER BY a.closed_at DESC, a.id
          LIMIT 1`,
        [agencyId],
      );
    const r = rows[0];
    return r ? { auditId: r.id, number: auditNumber(r), title: r.title, closedOn: r.closed_on } : null;
  }
}
