import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@eiso/config';
import { DomainException, ErrorCode, Role } from '@eiso/common';
import { UserEntity } from './user.entity';

export interface AccessTokenClaims {
  sub: string;
  username: string;
  /** Password epoch (ms): a password change ends every token issued before it, even within the same second. */
  pwd: number;
  /** The session (refresh-token family): a revoked session ends its access tokens at once. */
  sid: string;
}

/**
 * Short-lived signed access tokens. Roles, the active flag, the password epoch and the session are
 * re-read from the database on every request, so none of them waits for the token to expire.
 */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  sign(user: Pick<UserEntity, 'id' | 'username' | 'passwordChangedAt'>, sessionId: string): string {
    const claims: AccessTokenClaims = {
      sub: user.id,
      username: user.username,
      pwd: user.passwordChangedAt.getTime(),
      sid: sessionId,
    };
    return this.jwt.sign(claims, { expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS });
  }

  verify(token: string): AccessTokenClaims {
    try {
      return this.jwt.verify<AccessTokenClaims>(token);
    } catch {
      throw new DomainException(ErrorCode.AuthInvalidToken);
    }
  }
}

export type { Role };
