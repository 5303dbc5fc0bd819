import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '@eiso/database';
import { DocumentFileEntity } from './document-file.entity';
import { FileKind } from './document-type';
import { documentWrite } from './document-unique-indexes';

@Injectable()
export class DocumentFileRepository {
  async insert(db: Db, files: DocumentFileEntity[]): Promise<void> {
    if (files.length) await documentWrite(() => db.getRepository(DocumentFileEntity).insert(files));
  }

  listByVersion(db: Db, versionId: string): Promise<DocumentFileEntity[]> {
    return db.getRepository(DocumentFileEntity).find({ where: { versionId }, order: { createdAt: 'ASC' } });
  }

  /** The files of many versions in one query, each version's in upload order. */
  listByVersions(db: Db, versionIds: string[]): Promise<DocumentFileEntity[]> {
    if (!versionIds.length) return Promise.resolve([]);
    return db
      .getRepository(DocumentFileEntity)
      .find({ where: { versionId: In(versionIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findOne(db: Db, versionId: string, id: string): Promise<DocumentFileEntity | null> {
    return db.getRepository(DocumentFileEntity).findOneBy({ versionId, id });
  }

  async hasPrimary(db: Db, versionId: string): Promise<boolean> {
    return db.getRepository(DocumentFileEntity).existsBy({ versionId, kind: FileKind.Primary });
  }

  async delete(db: Db, id: string): Promise<void> {
    await db.getRepository(DocumentFileEntity).delete({ id });
  }

  /** Other versions may share the object (files are copied by reference). */
  async keyStillUsed(db: Db, storageKey: string): Promise<boolean> {
    return db.getRepository(DocumentFileEntity).existsBy({ storageKey });
  }
}
