import { Injectable } from '@nestjs/common';
import { Db, TransactionRunner } from '@eiso/database';
import { managementReviewNumber } from './management-review-numbering';
import { ManagementReviewState } from './management-review-state';

/** A management review that was held: its number, title and meeting day. */
export interface ManagementReviewHeld {
  reviewId: string;
  /** "01/2026". */
  number: string;
  title: string;
  /** The meeting day (Vietnam). */
  meetingDate: string;
}

/**
 * How other domains (the conformity declaration) read management reviews: read-only, one query
 * per call, with the caller's transaction handle when it has one.
 */
@Injectable()
export class ManagementReviewDirectory {
  constructor(private readonly tx: TransactionRunner) {}

  /** The agency's review held (or held and signed) with the latest meeting day, or null. */
  async lastHeld(agencyId: string, db: Db = this.tx.db): Promise<ManagementReviewHeld | null> {
    const rows: { id: string; year: number; serial: number; title: string; meeting_date: string }[] =
      await db.query(
        `SELECT id, year, serial, title, to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date
           FROM management_review
          WHERE agency_id = $1 AND state = ANY($2::text[]) AND held_at IS NOT NULL
          ORDER BY meeting_date DESC, held_at DESC, id
          LIMIT 1`,
        [agencyId, [ManagementReviewState.Held, ManagementReviewState.Signed]],
      );
    const r = rows[0];
    return r
      ? {
          reviewId: r.id,
          number: managementReviewNumber(r.serial, r.year),
          title: r.title,
          meetingDate: r.meeting_date,
        }
      : null;
  }

  /** The stored minutes (PDF) of the agency's latest signed review, for an inspection pack. */
  async lastSignedMinutes(
    agencyId: string,
    db: Db = this.tx.db,
  ): Promise<{ reviewId: string; number: string; key: string } | null> {
    const rows: { id: string; year: number; serial: number; minutes_key: string }[] = await db.query(
      `SELECT id, year, serial, minutes_key
         FROM management_review
        WHERE agency_id = $1 AND state = $2 AND minutes_key IS NOT NULL
        ORDER BY meeting_date DESC, signed_at DESC, id
        LIMIT 1`,
      [agencyId, ManagementReviewState.Signed],
    );
    const r = rows[0];
    return r
      ? { reviewId: r.id, number: managementReviewNumber(r.serial, r.year), key: r.minutes_key }
      : null;
  }
}
