import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with the library's defaults (OWASP-recommended memory-hard parameters). */
@Injectable()
export class PasswordHasher {
  /** Verified against when the username is unknown, so timing does not reveal which usernames exist. */
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  async burnTime(password: string): Promise<void> {
    this.dummyHash ??= this.hash('eiso-dummy-password');
    await this.verify(await this.dummyHash, password);
  }
}
