import { FileKind, SignatureMeaning } from './document-type';
import { signatureContentHash, signatureVerifies, signedExtra } from './signature-content';

describe('signature content', () => {
  const document = { id: 'doc-1', agencyId: 'agency-1', code: 'QT-01' };
  const version = {
    id: 'v-1',
    revision: 1,
    title: 'Quy trình tiếp nhận hồ sơ',
    changeSummary: null,
    isoClauses: ['7.5'],
    tthcCodes: [],
    issueNumber: 1,
    effectiveFrom: '2027-02-01',
    issuingBody: null,
    numberSymbol: null,
    issuedDate: null,
    inForceDate: null,
    storagePlace: null,
  };
  const files = [{ kind: FileKind.Primary, name: 'quy-trinh.pdf', sha256: 'a'.repeat(64), size: 10 }];
  const signedAt = new Date('2027-01-10T02:00:00.123Z');

  const signed = (meaning: SignatureMeaning) => ({
    meaning,
    signerId: 'u-1',
    signedAt,
    contentHash: signatureContentHash({
      document,
      version,
      files,
      meaning,
      signerId: 'u-1',
      signedAt,
      extra: signedExtra(meaning, version),
    }),
  });

  it('covers the issue number and effective date of an issue only', () => {
    expect(signedExtra(SignatureMeaning.Issue, version)).toEqual({
      issueNumber: 1,
      effectiveFrom: '2027-02-01',
    });
    for (const meaning of [SignatureMeaning.Submit, SignatureMeaning.Review, SignatureMeaning.Approve]) {
      expect(signedExtra(meaning, version)).toBeUndefined();
    }
  });

  it('verifies every meaning against the stored content it was made over', () => {
    for (const meaning of Object.values(SignatureMeaning)) {
      expect(signatureVerifies(signed(meaning), { document, version, files })).toBe(true);
    }
  });

  it('stops verifying when what was signed changed: content, files, issue facts, signer or time', () => {
    const issue = signed(SignatureMeaning.Issue);
    const content = { document, version, files };
    expect(signatureVerifies(issue, { ...content, version: { ...version, title: 'Khác' } })).toBe(false);
    expect(signatureVerifies(issue, { ...content, files: [{ ...files[0], sha256: 'b'.repeat(64) }] })).toBe(
      false,
    );
    expect(
      signatureVerifies(issue, { ...content, version: { ...version, effectiveFrom: '2027-03-01' } }),
    ).toBe(false);
    expect(signatureVerifies({ ...issue, signerId: 'u-2' }, content)).toBe(false);
    expect(signatureVerifies({ ...issue, signedAt: new Date(signedAt.getTime() + 1) }, content)).toBe(false);
  });
});
