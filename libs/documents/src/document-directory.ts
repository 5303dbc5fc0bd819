import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db, TransactionRunner } from '@eiso/database';
import { DocumentType, VersionState } from './document-type';
import { DocumentEntity } from './document.entity';

/** A document as another domain names it: its code and the title given at creation. */
export interface DocumentLabel {
  code: string;
  title: string;
}

/** A TTHC procedure in force, with the version in force (audits put it in scope and check it). */
export interface ProcedureInForce {
  documentId: string;
  versionId: string;
  code: string;
  title: string;
  tthcCodes: string[];
  ownerOrgUnitId: string | null;
}

/** A document as another domain checks its revision: code, title and the issue now in force. */
export interface DocumentIssueInForce extends DocumentLabel {
  /** Lần ban hành of the version in force; null when no version is in force. */
  issueNumber: number | null;
  /** The document was withdrawn (status `obsolete`): no issue will come, none is awaited. */
  withdrawn: boolean;
}

/**
 * How other domains read documents (records name the procedure a record type follows): the
 * documents domain's own queries, read-only, one query per call whatever the number of ids.
 */
@Injectable()
export class DocumentDirectory {
  constructor(private readonly tx: TransactionRunner) {}

  async belongsTo(agencyId: string, documentId: string, db: Db = this.tx.db): Promise<boolean> {
    return db.getRepository(DocumentEntity).existsBy({ id: documentId, agencyId });
  }

  /**
   * Codes and titles of many documents: id → label (unknown ids are left out, and with `agencyId`
   * those of other agencies).
   */
  async labelsOf(
    documentIds: readonly string[],
    db: Db = this.tx.db,
    agencyId?: string,
  ): Promise<Map<string, DocumentLabel>> {
    const ids = [...new Set(documentIds)];
    if (!ids.length) return new Map();
    const documents = await db.getRepository(DocumentEntity).find({
      select: { id: true, code: true, title: true },
      where: { id: In(ids), ...(agencyId ? { agencyId } : {}) },
    });
    return new Map(documents.map((d) => [d.id, { code: d.code, title: d.title }]));
  }

  /**
   * The issue in force of many documents: id → code, title, the lần ban hành of the version in
   * force now (`issueNumber` null when none is: never issued, withdrawn, or only a scheduled issue
   * waiting for its date) and whether the document was withdrawn. In force = the document's current
   * version, in state `effective`. Unknown ids are left out, and with `agencyId` those of other
   * agencies. One query.
   */
  async issueInForce(
    documentIds: readonly string[],
    db: Db = this.tx.db,
    agencyId?: string,
  ): Promise<Map<string, DocumentIssueInForce>> {
    const ids = [...new Set(documentIds)];
    if (!ids.length) return new Map();
    const rows: { id: string; code: string; title: string; status: string; issue_number: number | null }[] =
      await db.query(
        `SELECT d.id, d.code, d.title, d.status, v.issue_number
           FROM document d
           LEFT JOIN document_version v ON v.id = d.current_version_id AND v.state = $2
          WHERE d.id = ANY($1::uuid[]) AND ($3::uuid IS NULL OR d.agency_id = $3)`,
        [ids, VersionState.Effective, agencyId ?? null],
      );
    return new Map(
      rows.map((r) => [
        r.id,
        { code: r.code, title: r.title, issueNumber: r.issue_number, withdrawn: r.status === 'obsolete' },
      ]),
    );
  }

  /**
   * TTHC procedures of the agency (documents of type `tthc_procedure`, not withdrawn) whose current
   * version is in force now, with that version: all of them, or those among `documentIds`. By code.
   */
  async proceduresInForce(
    agencyId: string,
    documentIds?: readonly string[],
    db: Db = this.tx.db,
  ): Promise<ProcedureInForce[]> {
    const ids = documentIds ? [...new Set(documentIds)] : null;
    if (ids && !ids.length) return [];
    const rows: {
      document_id: string;
      version_id: string;
      code: string;
      title: string;
      tthc_codes: string[];
      owner_org_unit_id: string | null;
    }[] = await db.query(
      `SELECT d.id AS document_id, v.id AS version_id, d.code, v.title, v.tthc_codes, d.owner_org_unit_id
         FROM document d JOIN document_version v ON v.id = d.current_version_id
        WHERE d.agency_id = $1 AND d.type = $2 AND d.status = 'active' AND v.state = $3
          AND ($4::uuid[] IS NULL OR d.id = ANY($4::uuid[]))
        ORDER BY d.code, d.id`,
      [agencyId, DocumentType.TthcProcedure, VersionState.Effective, ids],
    );
    return rows.map((r) => ({
      documentId: r.document_id,
      versionId: r.version_id,
      code: r.code,
      title: r.title,
      tthcCodes: r.tthc_codes,
      ownerOrgUnitId: r.owner_org_unit_id,
    }));
  }

  // --- management reviews: changes of documented information over a period (read-only) ---

  /**
   * Versions of the agency's documents that came into force in [from, to] (effective date inside
   * it, and actually in force: effective, superseded since, or withdrawn after that date), by date
   * then code; and documents withdrawn in [from, to] (Vietnam calendar days), by date then code.
   */
  async changesIn(
    agencyId: string,
    from: string,
    to: string,
    db: Db = this.tx.db,
  ): Promise<{ issued: DocumentIssuedInPeriod[]; withdrawn: DocumentWithdrawnInPeriod[] }> {
    const issued: {
      document_id: string;
      code: string;
      title: string;
      type: DocumentType;
      issue_number: number | null;
      effective_from: string;
    }[] = await db.query(
      `SELECT d.id AS document_id, d.code, v.title, d.type, v.issue_number,
              to_char(v.effective_from, 'YYYY-MM-DD') AS effective_from
         FROM document_version v JOIN document d ON d.id = v.document_id
        WHERE v.agency_id = $1 AND v.effective_from BETWEEN $2::date AND $3::date
          AND (v.state IN ('effective', 'superseded')
               OR (v.state = 'obsolete' AND v.obsoleted_at IS NOT NULL
                   AND (v.obsoleted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date >= v.effective_from
                   AND v.issue_number IS NOT NULL AND v.issued_at IS NOT NULL
                   AND d.status = 'obsolete' AND d.current_version_id = v.id))
        ORDER BY v.effective_from, d.code, v.issue_number`,
      [agencyId, from, to],
    );
    const withdrawn: {
      document_id: string;
      code: string;
      title: string;
      type: DocumentType;
      withdrawn_on: string;
      reason: string | null;
    }[] = await db.query(
      `SELECT DISTINCT ON (d.id) d.id AS document_id, d.code, d.title, d.type,
              to_char((v.obsoleted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD') AS withdrawn_on,
              v.withdrawal_reason AS reason
         FROM document d JOIN document_version v ON v.document_id = d.id
        WHERE d.agency_id = $1 AND d.status = 'obsolete' AND v.state = 'obsolete'
          AND v.obsoleted_at IS NOT NULL
          AND (v.obsoleted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $2::date AND $3::date
        ORDER BY d.id, v.obsoleted_at DESC`,
      [agencyId, from, to],
    );
    return {
      issued: issued.map((r) => ({
        documentId: r.document_id,
        code: r.code,
        title: r.title,
        type: r.type,
        issueNumber: r.issue_number,
        effectiveFrom: r.effective_from,
      })),
      withdrawn: withdrawn
        .map((r) => ({
          documentId: r.document_id,
          code: r.code,
          title: r.title,
          type: r.type,
          withdrawnOn: r.withdrawn_on,
          reason: r.reason,
        }))
        .sort((a, b) => a.withdrawnOn.localeCompare(b.withdrawnOn) || a.code.localeCompare(b.code)),
    };
  }

  /**
   * The agency's quality policy (a document of type `policy`) in force at the end of `on` (Vietnam):
   * the issued version with the latest effective date on or before it, not superseded or withdrawn
   * by then; null when none.
   */
  async policyInForce(
    agencyId: string,
    on: string,
    db: Db = this.tx.db,
  ): Promise<DocumentIssuedInPeriod | null> {
    const rows: {
      document_id: string;
      code: string;
      title: string;
      type: DocumentType;
      issue_number: number | null;
      effective_from: string;
    }[] = await db.query(
      `SELECT d.id AS document_id, d.code, v.title, d.type, v.issue_number,
              to_char(v.effective_from, 'YYYY-MM-DD') AS effective_from
         FROM document_version v JOIN document d ON d.id = v.document_id
        WHERE v.agency_id = $1 AND d.type = $2 AND v.effective_from <= $3::date
          AND v.state IN ('effective', 'superseded', 'obsolete') AND v.issued_at IS NOT NULL
          AND (v.superseded_at IS NULL OR (v.superseded_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > $3::date)
          AND (v.obsoleted_at IS NULL OR (v.obsoleted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > $3::date)
        ORDER BY v.effective_from DESC, v.issue_number DESC NULLS LAST
        LIMIT 1`,
      [agencyId, DocumentType.Policy, on],
    );
    const r = rows[0];
    return r
      ? {
          documentId: r.document_id,
          code: r.code,
          title: r.title,
          type: r.type,
          issueNumber: r.issue_number,
          effectiveFrom: r.effective_from,
        }
      : null;
  }
}

/** A version that came into force in a period (management review input). */
export interface DocumentIssuedInPeriod {
  documentId: string;
  code: string;
  title: string;
  type: DocumentType;
  issueNumber: number | null;
  effectiveFrom: string;
}

/** A document withdrawn in a period (management review input). */
export interface DocumentWithdrawnInPeriod {
  documentId: string;
  code: string;
  title: string;
  type: DocumentType;
  withdrawnOn: string;
  reason: string | null;
}
