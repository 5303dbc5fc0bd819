import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Clock } from '@eiso/common';
import { bumpVersion, Db, findOneForUpdate } from '@eiso/database';
import { DocumentCommentEntity } from './document-comment.entity';
import { VersionState } from './document-type';
import { DocumentVersionEntity } from './document-version.entity';
import { documentWrite } from './document-unique-indexes';

@Injectable()
export class DocumentVersionRepository {
  constructor(private readonly clock: Clock) {}

  /** Document code, title and revision of versions, for the audit trail's subjects. */
  namesOf(db: Db, ids: string[]): Promise<{ id: string; code: string; title: string; revision: number }[]> {
    return db.query(
      `SELECT v.id, d.code, v.title, v.revision
         FROM document_version v JOIN document d ON d.id = v.document_id
        WHERE v.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async insert(db: Db, version: DocumentVersionEntity): Promise<void> {
    await documentWrite(() => db.getRepository(DocumentVersionEntity).insert(version));
  }

  findById(db: Db, id: string): Promise<DocumentVersionEntity | null> {
    return db.getRepository(DocumentVersionEntity).findOneBy({ id });
  }

  /** Agency and state of many versions in one query (what decides who may see them). */
  findVisibilityFacts(
    db: Db,
    ids: string[],
  ): Promise<Pick<DocumentVersionEntity, 'id' | 'agencyId' | 'state'>[]> {
    if (!ids.length) return Promise.resolve([]);
    return db
      .getRepository(DocumentVersionEntity)
      .find({ select: { id: true, agencyId: true, state: true }, where: { id: In(ids) } });
  }

  findForUpdate(db: Db, documentId: string, id: string): Promise<DocumentVersionEntity | null> {
    return findOneForUpdate(db, DocumentVersionEntity, { id, documentId });
  }

  listByDocument(
    db: Db,
    documentId: string,
    states: readonly VersionState[] | null,
  ): Promise<DocumentVersionEntity[]> {
    return db.getRepository(DocumentVersionEntity).find({
      where: { documentId, ...(states ? { state: In([...states]) } : {}) },
      order: { revision: 'DESC' },
    });
  }

  findByStates(db: Db, documentId: string, states: VersionState[]): Promise<DocumentVersionEntity[]> {
    return db.getRepository(DocumentVersionEntity).find({ where: { documentId, state: In(states) } });
  }

  /** Scheduled versions whose effective date is on or before `today`, oldest date first. */
  findScheduledDue(db: Db, today: string): Promise<Pick<DocumentVersionEntity, 'id' | 'documentId'>[]> {
    return db
      .getRepository(DocumentVersionEntity)
      .createQueryBuilder('v')
      .select(['v.id', 'v.documentId'])
      .where('v.state = :state AND v.effective_from <= :today', { state: VersionState.Scheduled, today })
      .orderBy('v.effective_from', 'ASC')
      .addOrderBy('v.id', 'ASC')
      .getMany();
  }

  async maxRevision(db: Db, documentId: string): Promise<number> {
    const rows: { max: number | null }[] = await db.query(
      'SELECT max(revision) AS max FROM document_version WHERE document_id = $1',
      [documentId],
    );
    return rows[0].max ?? 0;
  }

  /** Writes the version and bumps its row version; the caller holds the row lock. */
  async save(db: Db, version: DocumentVersionEntity): Promise<void> {
    bumpVersion(version, this.clock.now());
    await documentWrite(() => db.getRepository(DocumentVersionEntity).save(version));
  }

  /**
   * Takes the version's controlled-copy render claim when it is free or older than `staleAfterMs`
   * (its holder died). False: another process is rendering the copy now.
   */
  async claimCopyRender(db: Db, id: string, staleAfterMs: number): Promise<boolean> {
    const [rows]: [{ id: string }[], number] = await db.query(
      `UPDATE document_version SET controlled_copy_claimed_at = clock_timestamp()
        WHERE id = $1
          AND (controlled_copy_claimed_at IS NULL
               OR controlled_copy_claimed_at < clock_timestamp() - $2 * interval '1 millisecond')
       RETURNING id`,
      [id, staleAfterMs],
    );
    return rows.length === 1;
  }

  /** The row stops naming `key` (its object is gone), unless it names another copy by now. */
  async forgetCopy(db: Db, id: string, key: string): Promise<void> {
    await db.query(
      `UPDATE document_version
          SET controlled_copy_key = NULL, controlled_copy_state = NULL, controlled_copy_source = NULL
        WHERE id = $1 AND controlled_copy_key = $2`,
      [id, key],
    );
  }

  /** Gives the claim back without a copy (the render failed). */
  async releaseCopyRender(db: Db, id: string): Promise<void> {
    await db.query(`UPDATE document_version SET controlled_copy_claimed_at = NULL WHERE id = $1`, [id]);
  }

  /**
   * The row names the stored copy and the claim is released, in one statement; answers the key
   * the row named before (a superseded copy, for the caller to delete now that nothing names it).
   */
  async recordCopy(
    db: Db,
    id: string,
    key: string,
    state: VersionState,
    source: 'pdf' | 'rendition' | 'cover',
  ): Promise<string | null> {
    const [rows]: [{ previous: string | null }[], number] = await db.query(
      `UPDATE document_version v
          SET controlled_copy_key = $2, controlled_copy_state = $3, controlled_copy_source = $4,
              controlled_copy_claimed_at = NULL
         FROM (SELECT controlled_copy_key FROM document_version WHERE id = $1 FOR UPDATE) old
        WHERE v.id = $1
       RETURNING old.controlled_copy_key AS previous`,
      [id, key, state, source],
    );
    return rows[0]?.previous ?? null;
  }

  async insertComment(db: Db, comment: DocumentCommentEntity): Promise<void> {
    await db.getRepository(DocumentCommentEntity).insert(comment);
  }

  comments(db: Db, versionId: string): Promise<DocumentCommentEntity[]> {
    return db
      .getRepository(DocumentCommentEntity)
      .find({ where: { versionId }, order: { createdAt: 'ASC' } });
  }

  /** The comments of many versions in one query, each version's in order. */
  commentsOf(db: Db, versionIds: string[]): Promise<DocumentCommentEntity[]> {
    if (!versionIds.length) return Promise.resolve([]);
    return db
      .getRepository(DocumentCommentEntity)
      .find({ where: { versionId: In(versionIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
