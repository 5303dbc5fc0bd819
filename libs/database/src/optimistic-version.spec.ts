import { DomainException, ErrorCode } from '@eiso/common';
import { assertVersion, bumpVersion, staleVersion } from './optimistic-version';

function refusal(work: () => void): { code: ErrorCode; details?: Record<string, unknown> } | null {
  try {
    work();
    return null;
  } catch (error) {
    if (!(error instanceof DomainException)) throw error;
    return { code: error.code, details: error.details };
  }
}

describe('optimistic concurrency', () => {
  it('refuses a stale expectation with 412 and the version the row has now', () => {
    expect(refusal(() => assertVersion({ version: 4 }, 3))).toEqual({
      code: ErrorCode.PreconditionFailed,
      details: { currentVersion: 4 },
    });
  });

  it('lets the current version through, and checks nothing without an expectation', () => {
    expect(refusal(() => assertVersion({ version: 4 }, 4))).toBeNull();
    expect(refusal(() => assertVersion({ version: 4 }, undefined))).toBeNull();
  });

  it('says nothing of the current version when the write found the row changed', () => {
    expect(staleVersion().code).toBe(ErrorCode.PreconditionFailed);
    expect(staleVersion().details).toBeUndefined();
  });

  it('bumps the version by one and stamps the save time', () => {
    const at = new Date('2027-01-10T02:00:00Z');
    const row = { version: 7, updatedAt: new Date('2026-01-01T00:00:00Z') };
    bumpVersion(row, at);
    expect(row).toEqual({ version: 8, updatedAt: at });
  });
});
