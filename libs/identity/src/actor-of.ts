import { Actor, Role } from '@eiso/common';
import { UserEntity } from './user.entity';

export function actorOf(user: UserEntity, requestId: string, clientAddress?: string): Actor {
  return {
    userId: user.id,
    username: user.username,
    agencyId: user.agencyId,
    orgUnitId: user.orgUnitId,
    roles: [...user.roles] as Role[],
    requestId,
    ...(clientAddress !== undefined ? { clientAddress } : {}),
  };
}
