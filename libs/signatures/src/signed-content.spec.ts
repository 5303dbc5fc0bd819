import { createHash } from 'node:crypto';
import { SignatureMeaning } from './signature-meaning';
import { signatureHash, signatureVerifies } from './signed-content';

describe('signed content', () => {
  const act = {
    meaning: SignatureMeaning.Review,
    signerId: 'u-1',
    signedAt: new Date('2027-01-10T02:00:00.123Z'),
  };
  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

  it('hashes a canonical serialization: keys sorted at every level, the act beside the content', () => {
    const canonical =
      '{"a":{"c":[2,1],"d":"Xem xét"},"b":null,"meaning":"review",' +
      '"signedAt":"2027-01-10T02:00:00.123Z","signerId":"u-1"}';
    expect(signatureHash({ b: null, a: { d: 'Xem xét', c: [2, 1] } }, act)).toBe(sha256(canonical));
  });

  it('does not depend on the order keys were written in', () => {
    expect(signatureHash({ x: 1, y: { p: 1, q: 2 } }, act)).toBe(
      signatureHash({ y: { q: 2, p: 1 }, x: 1 }, act),
    );
  });

  it('changes with the content, the meaning, the signer and the time (to the millisecond)', () => {
    const content = { title: 'Quy trình' };
    const hash = signatureHash(content, act);
    expect(signatureHash({ title: 'Quy trinh' }, act)).not.toBe(hash);
    expect(signatureHash(content, { ...act, meaning: SignatureMeaning.Approve })).not.toBe(hash);
    expect(signatureHash(content, { ...act, signerId: 'u-2' })).not.toBe(hash);
    expect(signatureHash(content, { ...act, signedAt: new Date(act.signedAt.getTime() + 1) })).not.toBe(hash);
  });

  it('refuses content that would overwrite the facts of the act', () => {
    for (const key of ['meaning', 'signerId', 'signedAt']) {
      expect(() => signatureHash({ [key]: 'x' }, act)).toThrow(key);
    }
  });

  it('verifies a stored hash against the content rebuilt now', () => {
    const signature = { ...act, contentHash: signatureHash({ files: ['a'] }, act) };
    expect(signatureVerifies(signature, { files: ['a'] })).toBe(true);
    expect(signatureVerifies(signature, { files: ['b'] })).toBe(false);
  });
});
