import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainException, ErrorCode } from '@eiso/common';
import { Db } from '@eiso/database';
import { AuthService, PasswordConfirmation } from '@eiso/identity';
import { SignatureEntity } from './signature.entity';
import { SignatureRepository } from './signature.repository';
import { SignatureMeaning } from './signature-meaning';
import { SignatureSubject, SignatureSubjectType } from './signature-subject';
import { signatureHash, SignedContent, signatureVerifies } from './signed-content';

/** A signing password checked before the signing transaction opened (`confirmPassword`). */
export type ConfirmedPassword = PasswordConfirmation;

export interface SignInput {
  actor: Actor;
  /**
   * The password, confirmed before the transaction; absent for acts recorded without one (the
   * drafter's submission, a review).
   */
  password?: ConfirmedPassword;
  subject: SignatureSubject;
  meaning: SignatureMeaning;
  /** The canonical content of what is signed, built by the subject's domain. */
  content: SignedContent;
  comment?: string | null;
}

/** A signature with whether what it covered is still what is stored. */
export type VerifiedSignature = SignatureEntity & { contentVerified: boolean };

/**
 * The one way to sign (DESIGN §13, "Signing"). Re-authentication goes through identity, so the
 * signing lockout is the same for every domain: wrong passwords count on the account's signing
 * counter (SIGNATURE_PASSWORD_INVALID with `attemptsLeft`), the fifth in a row answers
 * SIGNATURE_LOCKED and tells the agency's ISO secretaries.
 */
@Injectable()
export class SignaturesService {
  constructor(
    private readonly auth: AuthService,
    private readonly repository: SignatureRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks the signing password before the signing transaction opens: a failure is counted and
   * committed even though the signature is refused, and argon2 runs with no row lock held.
   */
  confirmPassword(actor: Actor, password: string): Promise<ConfirmedPassword> {
    return this.auth.confirmPassword(actor, password);
  }

  /**
   * Records a signature in the caller's transaction: the signer as they are now (refused if, since
   * the password was confirmed, it changed or the account was deactivated or locked), the meaning,
   * the time and the sha256 over the canonical content.
   */
  async sign(db: Db, input: SignInput): Promise<SignatureEntity> {
    const { actor } = input;
    const signer = input.password
      ? await this.auth.confirmedSigner(db, input.password)
      : await this.auth.signerOf(actor, db);
    if (signer.userId !== actor.userId) throw new DomainException(ErrorCode.AuthInvalidToken);
    const signedAt = this.clock.now();
    const signature: SignatureEntity = {
      id: randomUUID(),
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      meaning: input.meaning,
      signerId: signer.userId,
      signerName: signer.fullName,
      signerPosition: signer.position,
      signerRole: actor.roles.join(','),
      signedAt,
      contentHash: signatureHash(input.content, {
        meaning: input.meaning,
        signerId: signer.userId,
        signedAt,
      }),
      signerPasswordSetAt: signer.passwordSetAt,
      comment: input.comment ?? null,
    };
    await this.repository.insert(db, signature);
    return signature;
  }

  /** The manifest entries of one subject, oldest first. */
  listFor(db: Db, subject: SignatureSubject): Promise<SignatureEntity[]> {
    return this.repository.listFor(db, subject.type, [subject.id]);
  }

  /** The signatures of many subjects of one type in one query (lists), oldest first. */
  listForMany(db: Db, type: SignatureSubjectType, subjectIds: string[]): Promise<SignatureEntity[]> {
    return this.repository.listFor(db, type, subjectIds);
  }

  /**
   * Every signature of a subject with `contentVerified`: its hash recomputed over the content its
   * domain rebuilds from what is stored now (`contentOf`, per signature: what an issue covers, or
   * the files a batch had at signing, depends on the signature).
   */
  async verify(
    db: Db,
    subject: SignatureSubject,
    contentOf: (signature: SignatureEntity) => SignedContent | Promise<SignedContent>,
  ): Promise<VerifiedSignature[]> {
    const signatures = await this.listFor(db, subject);
    const verified: VerifiedSignature[] = [];
    for (const signature of signatures) {
      verified.push({
        ...signature,
        contentVerified: signatureVerifies(signature, await contentOf(signature)),
      });
    }
    return verified;
  }
}
