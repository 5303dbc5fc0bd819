import { Injectable } from '@nestjs/common';
import { Db } from '@eiso/database';
import { DocumentAcknowledgementEntity } from './document-acknowledgement.entity';

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

  /** Who acknowledged the version, and when. */
  ofVersion(db: Db, versionId: string): Promise<DocumentAcknowledgementEntity[]> {
    return db.getRepository(DocumentAcknowledgementEntity).findBy({ versionId });
  }
}
