import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db, TransactionRunner } from '@eiso/database';
import { DocumentEntity } from './document.entity';

/** A document as another domain names it: its code and the title given at creation. */
export interface DocumentLabel {
  code: string;
  title: string;
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

  /** Codes and titles of many documents: id → label (unknown ids are left out). */
  async labelsOf(documentIds: readonly string[], db: Db = this.tx.db): Promise<Map<string, DocumentLabel>> {
    const ids = [...new Set(documentIds)];
    if (!ids.length) return new Map();
    const documents = await db
      .getRepository(DocumentEntity)
      .find({ select: { id: true, code: true, title: true }, where: { id: In(ids) } });
    return new Map(documents.map((d) => [d.id, { code: d.code, title: d.title }]));
  }
}
