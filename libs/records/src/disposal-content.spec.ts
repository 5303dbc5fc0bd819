import { createHash } from 'node:crypto';
import {
  disposalContentHash,
  disposalSignatureVerifies,
  disposedSha256,
  signedRecords,
} from './disposal-content';

describe('disposal content', () => {
  const disposal = { id: 'd-1', agencyId: 'a-1', number: 3 };
  const signedAt = new Date('2027-01-05T03:00:00Z');
  const a = 'a'.repeat(64);
  const b = 'b'.repeat(64);

  it('hashes the batch whatever the order of records and files', () => {
    const one = disposalContentHash({
      disposal,
      records: [
        { id: 'r-1', fileSha256: [a, b] },
        { id: 'r-2', fileSha256: [] },
      ],
      signerId: 'u-1',
      signedAt,
    });
    const two = disposalContentHash({
      disposal,
      records: [
        { id: 'r-2', fileSha256: [] },
        { id: 'r-1', fileSha256: [b, a] },
      ],
      signerId: 'u-1',
      signedAt,
    });
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(two).toBe(one);
  });

  it('changes when a file, a record, the signer or the time changes', () => {
    const base = { disposal, records: [{ id: 'r-1', fileSha256: [a] }], signerId: 'u-1', signedAt };
    const hash = disposalContentHash(base);
    expect(disposalContentHash({ ...base, records: [{ id: 'r-1', fileSha256: [b] }] })).not.toBe(hash);
    expect(disposalContentHash({ ...base, records: [{ id: 'r-9', fileSha256: [a] }] })).not.toBe(hash);
    expect(disposalContentHash({ ...base, signerId: 'u-2' })).not.toBe(hash);
    expect(disposalContentHash({ ...base, signedAt: new Date('2027-01-05T03:00:01Z') })).not.toBe(hash);
  });

  it('fingerprints deleted files as the sha256 of their sorted sha256', () => {
    const expected = createHash('sha256').update(`${a}\n${b}`).digest('hex');
    expect(disposedSha256([b, a])).toBe(expected);
    expect(disposedSha256([])).toBe(createHash('sha256').update('').digest('hex'));
  });

  it('verifies a signed batch against its records and their files, and nothing else', () => {
    const files = [
      { recordId: 'r-1', sha256: a },
      { recordId: 'r-1', sha256: b },
    ];
    const contentHash = disposalContentHash({
      disposal,
      records: signedRecords(['r-1', 'r-2'], files),
      signerId: 'u-1',
      signedAt,
    });
    const signed = { ...disposal, approvedBy: 'u-1', signedAt, contentHash };
    expect(disposalSignatureVerifies(signed, ['r-1', 'r-2'], files)).toBe(true);
    expect(disposalSignatureVerifies(signed, ['r-1', 'r-2'], files.slice(1))).toBe(false);
    expect(disposalSignatureVerifies(signed, ['r-1'], files)).toBe(false);
    expect(disposalSignatureVerifies({ ...signed, approvedBy: 'u-2' }, ['r-1', 'r-2'], files)).toBe(false);
    expect(
      disposalSignatureVerifies({ ...signed, approvedBy: null, signedAt: null, contentHash: null }, [], []),
    ).toBeNull();
  });
});
