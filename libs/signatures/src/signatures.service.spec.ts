import { Actor, Clock, DomainException, ErrorCode, Role } from '@eiso/common';
import { Db } from '@eiso/database';
import { AuthService, Signer } from '@eiso/identity';
import { SignatureEntity } from './signature.entity';
import { SignatureMeaning } from './signature-meaning';
import { SignatureRepository } from './signature.repository';
import { SignatureSubjectType } from './signature-subject';
import { SignaturesService } from './signatures.service';
import { signatureHash } from './signed-content';

describe('SignaturesService.sign', () => {
  const now = new Date('2027-01-10T02:00:00.123Z');
  const clock: Clock = { now: () => now };
  const db = {} as Db;
  const actor: Actor = {
    userId: 'u-1',
    username: 'pheduyet',
    agencyId: 'a-1',
    orgUnitId: null,
    roles: [Role.Approver, Role.Reviewer],
    requestId: 'r-1',
  };
  const signer: Signer = {
    userId: 'u-1',
    fullName: 'Lê Văn Phúc',
    position: 'Giám đốc Sở',
    roles: actor.roles,
    passwordSetAt: new Date('2026-11-01T01:00:00Z'),
  };
  const subject = { type: SignatureSubjectType.Disposal, id: 'd-1' };
  const content = { disposalId: 'd-1', records: [] };

  function service(found: Signer = signer) {
    const inserted: SignatureEntity[] = [];
    const auth = {
      confirmedSigner: jest.fn().mockResolvedValue(found),
      signerOf: jest.fn().mockResolvedValue(found),
    };
    const repository = { insert: (_db: Db, s: SignatureEntity) => Promise.resolve(void inserted.push(s)) };
    const signatures = new SignaturesService(
      auth as unknown as AuthService,
      repository as unknown as SignatureRepository,
      clock,
    );
    return { signatures, auth, inserted };
  }

  it('records who, as whom, when, and the hash over the content, after the confirmed password', async () => {
    const { signatures, auth, inserted } = service();
    const password = { userId: 'u-1', passwordChangedAt: signer.passwordSetAt };
    const made = await signatures.sign(db, {
      actor,
      password,
      subject,
      meaning: SignatureMeaning.Dispose,
      content,
      comment: 'Đồng ý',
    });
    expect(auth.confirmedSigner).toHaveBeenCalledWith(db, password);
    expect(auth.signerOf).not.toHaveBeenCalled();
    expect(inserted).toEqual([made]);
    expect(made).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      subjectType: 'disposal',
      subjectId: 'd-1',
      meaning: 'dispose',
      signerId: 'u-1',
      signerName: 'Lê Văn Phúc',
      signerPosition: 'Giám đốc Sở',
      signerRole: 'approver,reviewer',
      signedAt: now,
      contentHash: signatureHash(content, {
        meaning: SignatureMeaning.Dispose,
        signerId: 'u-1',
        signedAt: now,
      }),
      signerPasswordSetAt: signer.passwordSetAt,
      comment: 'Đồng ý',
    });
  });

  it('records an act without a password (a review) as the acting user is now', async () => {
    const { signatures, auth } = service();
    const made = await signatures.sign(db, { actor, subject, meaning: SignatureMeaning.Review, content });
    expect(auth.signerOf).toHaveBeenCalledWith(actor, db);
    expect(auth.confirmedSigner).not.toHaveBeenCalled();
    expect(made.comment).toBeNull();
  });

  it("refuses a password confirmed for someone else's account", async () => {
    const { signatures, inserted } = service({ ...signer, userId: 'u-2' });
    const password = { userId: 'u-2', passwordChangedAt: signer.passwordSetAt };
    const signing = signatures.sign(db, {
      actor,
      password,
      subject,
      meaning: SignatureMeaning.Approve,
      content,
    });
    await expect(signing).rejects.toBeInstanceOf(DomainException);
    await expect(signing).rejects.toMatchObject({ code: ErrorCode.AuthInvalidToken });
    expect(inserted).toEqual([]);
  });
});
