import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { Db } from '@eiso/database';
import { AttachmentEntity } from './attachment.entity';
import { AttachmentSubjectRef, PRIMARY_ATTACHMENT_KIND } from './attachment-subject';

/** The partial unique index that keeps one primary file per subject. */
export const ONE_PRIMARY_INDEX = 'ux_attachment_one_primary';

const ORDER = { createdAt: 'ASC', id: 'ASC' } as const;

@Injectable()
export class AttachmentRepository {
  async insert(db: Db, rows: AttachmentEntity[]): Promise<void> {
    if (rows.length) await db.getRepository(AttachmentEntity).insert(rows);
  }

  /** Every file of a subject in upload order, deleted ones included (they show what disposal removed). */
  list(db: Db, subject: AttachmentSubjectRef): Promise<AttachmentEntity[]> {
    return db
      .getRepository(AttachmentEntity)
      .find({ where: { subjectType: subject.type, subjectId: subject.id }, order: ORDER });
  }

  /** The files of many subjects of one type in one query, each subject's in upload order. */
  listMany(db: Db, subjectType: string, subjectIds: readonly string[]): Promise<AttachmentEntity[]> {
    if (!subjectIds.length) return Promise.resolve([]);
    return db
      .getRepository(AttachmentEntity)
      .find({ where: { subjectType, subjectId: In([...subjectIds]) }, order: ORDER });
  }

  /** The files of these subjects that were stored at `at`: stored still, or deleted since. */
  listStoredAt(
    db: Db,
    subjectType: string,
    subjectIds: readonly string[],
    at: Date | null,
  ): Promise<AttachmentEntity[]> {
    if (!subjectIds.length) return Promise.resolve([]);
    return db
      .getRepository(AttachmentEntity)
      .createQueryBuilder('a')
      .where('a.subject_type = :subjectType AND a.subject_id IN (:...subjectIds)', {
        subjectType,
        subjectIds,
      })
      .andWhere(at ? '(a.deleted_at IS NULL OR a.deleted_at >= :at)' : 'a.deleted_at IS NULL', { at })
      .orderBy('a.subject_id', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
  }

  findOne(db: Db, subject: AttachmentSubjectRef, id: string): Promise<AttachmentEntity | null> {
    return db
      .getRepository(AttachmentEntity)
      .findOneBy({ subjectType: subject.type, subjectId: subject.id, id });
  }

  hasPrimary(db: Db, subject: AttachmentSubjectRef): Promise<boolean> {
    return db
      .getRepository(AttachmentEntity)
      .existsBy({ subjectType: subject.type, subjectId: subject.id, kind: PRIMARY_ATTACHMENT_KIND });
  }

  async delete(db: Db, id: string): Promise<void> {
    await db.getRepository(AttachmentEntity).delete({ id });
  }

  /** Other subjects may share the object (copies are by reference). */
  keyStillUsed(db: Db, storageKey: string): Promise<boolean> {
    return db.getRepository(AttachmentEntity).existsBy({ storageKey });
  }

  /** Among `keys`, those that a live row of another subject names (a copy shares its object). */
  async keysSharedElsewhere(
    db: Db,
    subject: AttachmentSubjectRef,
    keys: readonly string[],
  ): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows = await db
      .getRepository(AttachmentEntity)
      .createQueryBuilder('a')
      .select('DISTINCT a.storage_key', 'key')
      .where('a.storage_key IN (:...keys) AND a.deleted_at IS NULL', { keys })
      .andWhere('NOT (a.subject_type = :type AND a.subject_id = :id)', subject)
      .getRawMany<{ key: string }>();
    return new Set(rows.map((r) => r.key));
  }

  /** Marks the subject's stored files deleted (rows stay as part of the tombstone). */
  async markDeleted(db: Db, subject: AttachmentSubjectRef, at: Date): Promise<void> {
    await db
      .getRepository(AttachmentEntity)
      .update({ subjectType: subject.type, subjectId: subject.id, deletedAt: IsNull() }, { deletedAt: at });
  }
}
