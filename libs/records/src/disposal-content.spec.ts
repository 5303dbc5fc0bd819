import { createHash } from 'node:crypto';
import { SignatureMeaning, signatureHash, signatureVerifies } from '@eiso/signatures';
import { approvalOf, disposalSignedContent, disposedSha256, signedRecords } from './disposal-content';

describe('disposal content', () => {
  const disposal = { id: 'd-1', agencyId: 'a-1', number: 3 };
  const signedAt = new Date('2027-01-05T03:00:00Z');
  const act = { meaning: SignatureMeaning.Dispose, signerId: 'u-1', signedAt };
  const a = 'a'.repeat(64);
  const b = 'b'.repeat(64);

  it('hashes exactly as disposal approvals always have, whatever the order of records and files', () => {
    const one = signatureHash(
      disposalSignedContent(disposal, [
        { id: 'r-2', fileSha256: [] },
        { id: 'r-1', fileSha256: [b, a] },
      ]),
      act,
    );
    const two = signatureHash(
      disposalSignedContent(disposal, [
        { id: 'r-1', fileSha256: [a, b] },
        { id: 'r-2', fileSha256: [] },
      ]),
      act,
    );
    // The hash the approval code computed before libs/signatures existed.
    expect(one).toBe('8817890ba0ac56974b155d854e7a9e27f46567d7885806e254ee82043bb8d7f7');
    expect(two).toBe(one);
  });

  it('fingerprints deleted files as the sha256 of their sorted sha256', () => {
    const expected = createHash('sha256').update(`${a}\n${b}`).digest('hex');
    expect(disposedSha256([b, a])).toBe(expected);
    expect(disposedSha256([])).toBe(createHash('sha256').update('').digest('hex'));
  });

  it('verifies a signed batch against its records and their files, and nothing else', () => {
    const files = [
      { subjectId: 'r-1', sha256: a },
      { subjectId: 'r-1', sha256: b },
    ];
    const contentOf = (ids: string[], f: typeof files) =>
      disposalSignedContent(disposal, signedRecords(ids, f));
    const signed = { ...act, contentHash: signatureHash(contentOf(['r-1', 'r-2'], files), act) };
    expect(signatureVerifies(signed, contentOf(['r-1', 'r-2'], files))).toBe(true);
    expect(signatureVerifies(signed, contentOf(['r-1', 'r-2'], files.slice(1)))).toBe(false);
    expect(signatureVerifies(signed, contentOf(['r-1'], files))).toBe(false);
    expect(signatureVerifies({ ...signed, signerId: 'u-2' }, contentOf(['r-1', 'r-2'], files))).toBe(false);
  });

  it("finds a batch's approval among signatures, and none on an unsigned batch", () => {
    const approval = { subjectId: 'd-1', meaning: SignatureMeaning.Dispose };
    const other = { subjectId: 'd-2', meaning: SignatureMeaning.Dispose };
    const signatures = [other, approval] as Parameters<typeof approvalOf>[0];
    expect(approvalOf(signatures, 'd-1')).toBe(approval);
    expect(approvalOf(signatures, 'd-3')).toBeNull();
  });
});
