import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Db } from '@eiso/database';
import { RecordFileEntity } from './record-file.entity';

@Injectable()
export class RecordFileRepository {
  async insert(db: Db, file: RecordFileEntity): Promise<void> {
    await db.getRepository(RecordFileEntity).insert(file);
  }

  /** Every file of a record, deleted ones included (they show what disposal removed). */
  listByRecord(db: Db, recordId: string): Promise<RecordFileEntity[]> {
    return db
      .getRepository(RecordFileEntity)
      .find({ where: { recordId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Files still stored, of many records. */
  listStoredByRecords(db: Db, recordIds: string[]): Promise<RecordFileEntity[]> {
    if (!recordIds.length) return Promise.resolve([]);
    return db
      .getRepository(RecordFileEntity)
      .createQueryBuilder('f')
      .where('f.record_id IN (:...recordIds) AND f.deleted_at IS NULL', { recordIds })
      .orderBy('f.record_id', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .getMany();
  }

  /** The files of these records that were stored at `at`: stored still, or deleted since. */
  listStoredAt(db: Db, recordIds: string[], at: Date): Promise<RecordFileEntity[]> {
    if (!recordIds.length) return Promise.resolve([]);
    return db
      .getRepository(RecordFileEntity)
      .createQueryBuilder('f')
      .where('f.record_id IN (:...recordIds) AND (f.deleted_at IS NULL OR f.deleted_at >= :at)', {
        recordIds,
        at,
      })
      .orderBy('f.record_id', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .getMany();
  }

  findOne(db: Db, recordId: string, id: string): Promise<RecordFileEntity | null> {
    return db.getRepository(RecordFileEntity).findOneBy({ recordId, id });
  }

  /** Marks the record's stored files deleted (rows stay as part of the tombstone). */
  async markDeleted(db: Db, recordId: string, at: Date): Promise<void> {
    await db.getRepository(RecordFileEntity).update({ recordId, deletedAt: IsNull() }, { deletedAt: at });
  }
}
