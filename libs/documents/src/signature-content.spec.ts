import { SignatureMeaning, signatureHash, signatureVerifies } from '@eiso/signatures';
import { FileKind } from './document-type';
import { signedExtra, versionSignedContent } from './signature-content';

describe('signature content of a version', () => {
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
  const act = (meaning: SignatureMeaning) => ({ meaning, signerId: 'u-1', signedAt });
  type Version = Parameters<typeof versionSignedContent>[0]['version'];
  const hashOf = (meaning: SignatureMeaning, v: Version = version) =>
    signatureHash(versionSignedContent({ document, version: v, files, meaning }), act(meaning));

  it('hashes exactly as document signatures always have, so stored signatures still verify', () => {
    // Hashes computed by the code that signed documents before libs/signatures existed.
    expect(hashOf(SignatureMeaning.Review)).toBe(
      'f924a83d1712dc63888276d444e0a4667766995092ad9bd24edd6f54ace92140',
    );
    expect(hashOf(SignatureMeaning.Issue)).toBe(
      'a79e18bbd0108a4fe5ff31de2af613053aca43babfbafeb140c1fe2e56f02d5b',
    );
    const external = {
      ...version,
      issuingBody: 'Bộ Tư pháp',
      numberSymbol: '01/2026/TT-BTP',
      issuedDate: '2026-01-02',
      inForceDate: '2026-02-01',
      storagePlace: 'Tủ 1',
    };
    expect(hashOf(SignatureMeaning.Approve, external)).toBe(
      'ff6d03674f3bdc5094f5cf6fb08596893410f919d11cb730c40c98109243a784',
    );
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

  it('stops verifying when what was signed changed: content, files, issue facts, signer or time', () => {
    const issue = { ...act(SignatureMeaning.Issue), contentHash: hashOf(SignatureMeaning.Issue) };
    const contentOf = (v: Version = version, f = files) =>
      versionSignedContent({ document, version: v, files: f, meaning: SignatureMeaning.Issue });
    expect(signatureVerifies(issue, contentOf())).toBe(true);
    expect(signatureVerifies(issue, contentOf({ ...version, title: 'Khác' }))).toBe(false);
    expect(signatureVerifies(issue, contentOf(version, [{ ...files[0], sha256: 'b'.repeat(64) }]))).toBe(
      false,
    );
    expect(signatureVerifies(issue, contentOf({ ...version, effectiveFrom: '2027-03-01' }))).toBe(false);
    expect(signatureVerifies({ ...issue, signerId: 'u-2' }, contentOf())).toBe(false);
    expect(signatureVerifies({ ...issue, signedAt: new Date(signedAt.getTime() + 1) }, contentOf())).toBe(
      false,
    );
  });
});
