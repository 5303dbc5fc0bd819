/** One agency as the province oversees it (GET /oversight/agencies). */
export interface OversightRow {
  agencyId: string;
  name: string;
  code: string | null;
  level: string;
  parent: { id: string; name: string } | null;
  /** The year by which it must have declared; null when it has none. */
  roadmapYear: number | null;
  status: string;
  /** The declaration in force on the day of the board (signed, submitted or acknowledged). */
  declaration: { id: string; number: string | null; state: string; date: string } | null;
  documentsInForce: number;
  overdueReviews: number;
  openCorrectiveActions: number;
  overdueCorrectiveActions: number;
  lastAuditOn: string | null;
  lastReviewOn: string | null;
  /** Declared by its roadmap year, or the roadmap year has not ended yet; null off the roadmap. */
  onTrack: boolean | null;
}

/** A row of agency_oversight(as_of) as pg returns it. */
export interface OversightSqlRow {
  agency_id: string;
  name: string;
  code: string | null;
  level: string;
  parent_id: string | null;
  parent_name: string | null;
  roadmap_year: number | null;
  status: string;
  declaration_id: string | null;
  declaration_number: string | null;
  declaration_state: string | null;
  declaration_date: string | null;
  documents_in_force: number;
  overdue_reviews: number;
  open_corrective_actions: number;
  overdue_corrective_actions: number;
  last_audit_on: string | null;
  last_review_on: string | null;
  declared: boolean;
  on_track: boolean | null;
  total?: string;
}

export function toOversightRow(r: OversightSqlRow): OversightRow {
  return {
    agencyId: r.agency_id,
    name: r.name,
    code: r.code,
    level: r.level,
    parent: r.parent_id ? { id: r.parent_id, name: r.parent_name ?? '' } : null,
    roadmapYear: r.roadmap_year,
    status: r.status,
    declaration:
      r.declaration_id && r.declaration_state && r.declaration_date
        ? {
            id: r.declaration_id,
            number: r.declaration_number,
            state: r.declaration_state,
            date: r.declaration_date,
          }
        : null,
    documentsInForce: r.documents_in_force,
    overdueReviews: r.overdue_reviews,
    openCorrectiveActions: r.open_corrective_actions,
    overdueCorrectiveActions: r.overdue_corrective_actions,
    lastAuditOn: r.last_audit_on,
    lastReviewOn: r.last_review_on,
    onTrack: r.on_track,
  };
}
