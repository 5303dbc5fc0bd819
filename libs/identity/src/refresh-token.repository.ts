import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Db, findOneForUpdate } from '@eiso/database';
import { RefreshTokenEntity } from './refresh-token.entity';

@Injectable()
export class RefreshTokenRepository {
  async insert(db: Db, token: RefreshTokenEntity): Promise<void> {
    await db.getRepository(RefreshTokenEntity).insert(token);
  }

  findByHashForUpdate(db: Db, tokenHash: string): Promise<RefreshTokenEntity | null> {
    return findOneForUpdate(db, RefreshTokenEntity, { tokenHash });
  }

  async revoke(db: Db, id: string, at: Date): Promise<void> {
    await db.getRepository(RefreshTokenEntity).update({ id, revokedAt: IsNull() }, { revokedAt: at });
  }

  async revokeFamily(db: Db, familyId: string, at: Date): Promise<void> {
    await db.getRepository(RefreshTokenEntity).update({ familyId, revokedAt: IsNull() }, { revokedAt: at });
  }

  async revokeAllOfUser(db: Db, userId: string, at: Date): Promise<void> {
    await db.getRepository(RefreshTokenEntity).update({ userId, revokedAt: IsNull() }, { revokedAt: at });
  }
}
