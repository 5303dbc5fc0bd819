import { DomainException, ErrorCode } from '@eiso/common';
import { LocalLinkSigner } from './local-link.signer';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const NAME = 'Quy trình kiểm soát tài liệu.pdf';

function refusal(verify: () => unknown): ErrorCode | 'accepted' | 'other' {
  try {
    verify();
    return 'accepted';
  } catch (error) {
    return error instanceof DomainException ? error.code : 'other';
  }
}

describe('LocalLinkSigner', () => {
  const signer = new LocalLinkSigner(SECRET);

  afterEach(() => jest.useRealTimers());

  it('grants the signed key and download name', () => {
    const token = signer.sign('documents/1/v1', 60, NAME);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(signer.verify(token)).toEqual({ key: 'documents/1/v1', name: NAME });
    expect(signer.verify(signer.sign('documents/1/v1', 60))).toEqual({ key: 'documents/1/v1' });
  });

  it('refuses a token whose payload was changed', () => {
    const [, signature] = signer.sign('documents/1/v1', 60).split('.');
    const forged = Buffer.from(JSON.stringify({ key: 'documents/2/v1', exp: 4102444800 })).toString(
      'base64url',
    );
    expect(refusal(() => signer.verify(`${forged}.${signature}`))).toBe(ErrorCode.StorageLinkInvalid);
  });

  it('refuses a token whose signature was changed, even in its last character', () => {
    const token = signer.sign('documents/1/v1', 60);
    for (const position of [token.indexOf('.') + 1, token.length - 1]) {
      const original = token[position];
      const replaced = original === 'A' ? 'B' : 'A';
      const tampered = token.slice(0, position) + replaced + token.slice(position + 1);
      expect(refusal(() => signer.verify(tampered))).toBe(ErrorCode.StorageLinkInvalid);
    }
  });

  it('refuses a token signed with another secret', () => {
    const other = new LocalLinkSigner(`${SECRET}-other`);
    expect(refusal(() => signer.verify(other.sign('documents/1/v1', 60)))).toBe(ErrorCode.StorageLinkInvalid);
  });

  it('refuses a token once it has expired', () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T08:00:00Z') });
    const token = signer.sign('documents/1/v1', 300);
    jest.setSystemTime(new Date('2026-03-01T08:04:59Z'));
    expect(signer.verify(token).key).toBe('documents/1/v1');
    jest.setSystemTime(new Date('2026-03-01T08:05:00Z'));
    expect(refusal(() => signer.verify(token))).toBe(ErrorCode.StorageLinkInvalid);
  });

  it('refuses malformed tokens without throwing anything else', () => {
    const unsignedJson = Buffer.from('not json').toString('base64url');
    const valid = signer.sign('k', 60);
    for (const token of [
      '',
      'abc',
      'a.b.c',
      `${valid}.x`,
      `${valid} `,
      'é.é',
      'x'.repeat(10000),
      unsignedJson,
    ]) {
      expect(refusal(() => signer.verify(token))).toBe(ErrorCode.StorageLinkInvalid);
    }
  });

  it('needs a strong secret and a positive lifetime', () => {
    expect(() => new LocalLinkSigner('short')).toThrow(/at least 32/);
    expect(() => signer.sign('k', 0)).toThrow(RangeError);
    expect(() => signer.sign('k', 1.5)).toThrow(RangeError);
  });
});
