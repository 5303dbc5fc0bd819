import { Injectable } from '@nestjs/common';
import { Db } from '@eiso/database';
import { SignatureEntity } from './signature.entity';
import { SignatureSubjectType } from './signature-subject';

@Injectable()
export class SignatureRepository {
  async insert(db: Db, signature: SignatureEntity): Promise<void> {
    await db.getRepository(SignatureEntity).insert(signature);
  }

  /** Every signature on these subjects of one type, oldest first, in one query. */
  listFor(db: Db, type: SignatureSubjectType, subjectIds: string[]): Promise<SignatureEntity[]> {
    if (!subjectIds.length) return Promise.resolve([]);
    return db
      .getRepository(SignatureEntity)
      .createQueryBuilder('s')
      .where('s.subject_type = :type', { type })
      .andWhere('s.subject_id IN (:...ids)', { ids: subjectIds })
      .orderBy('s.signed_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }
}
