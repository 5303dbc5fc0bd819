import { Injectable } from '@nestjs/common';
import { Db } from '@eiso/database';

export interface AcknowledgementRow {
  userId: string;
  username: string;
  fullName: string;
  orgUnitId: string | null;
  acknowledgedAt: Date | null;
}

@Injectable()
export class AcknowledgementRepository {
  /** Inserts once; returns false when this user already acknowledged this version. */
  async insert(db: Db, versionId: string, userId: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await db.query(
      `INSERT INTO document_acknowledgement (version_id, user_id, acknowledged_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [versionId, userId, at],
    );
    return rows.length === 1;
  }

  /** Everyone on the distribution list plus anyone else who acknowledged, with the time if they did. */
  async report(
    db: Db,
    documentId: string,
    versionId: string,
  ): Promise<(AcknowledgementRow & { listed: boolean })[]> {
    const rows: Record<string, unknown>[] = await db.query(
      `WITH listed AS (
         SELECT DISTINCT u.id FROM document_distribution dd
           JOIN app_user u ON u.active AND ((dd.target_type = 'user' AND u.id = dd.target_id)
                OR (dd.target_type = 'org_unit' AND u.org_unit_id = dd.target_id))
          WHERE dd.document_id = $1)
       SELECT u.id, u.username, u.full_name, u.org_unit_id, a.acknowledged_at, (l.id IS NOT NULL) AS listed
         FROM app_user u
         LEFT JOIN listed l ON l.id = u.id
         LEFT JOIN document_acknowledgement a ON a.user_id = u.id AND a.version_id = $2
        WHERE l.id IS NOT NULL OR a.user_id IS NOT NULL
        ORDER BY u.full_name, u.username`,
      [documentId, versionId],
    );
    return rows.map((r) => ({
      userId: r.id as string,
      username: r.username as string,
      fullName: r.full_name as string,
      orgUnitId: (r.org_unit_id as string | null) ?? null,
      acknowledgedAt: (r.acknowledged_at as Date | null) ?? null,
      listed: r.listed as boolean,
    }));
  }
}
