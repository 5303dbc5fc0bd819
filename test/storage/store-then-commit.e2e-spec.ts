import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode } from '@eiso/common';
import { LocalDiskStorageDriver, LocalLinkSigner, storeThenCommit } from '@eiso/storage';
import { domainCodeOf, streamOf } from './storage.fixtures';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('storeThenCommit', () => {
  let dataDir: string;
  let driver: LocalDiskStorageDriver;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'eiso-store-then-commit-'));
    driver = new LocalDiskStorageDriver({
      root: join(dataDir, 'files'),
      signer: new LocalLinkSigner(randomBytes(32).toString('hex')),
    });
    await driver.ensureReady();
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const options = { maxBytes: 1024 * 1024, accepts: (t: string) => t === 'application/pdf' };

  it('keeps the object when the commit succeeds and hands it the stored facts', async () => {
    const result = await storeThenCommit(driver, 'a/kept', streamOf(PDF), options, (stored) =>
      Promise.resolve(stored),
    );
    expect(result).toMatchObject({ key: 'a/kept', size: PDF.length, mediaType: 'application/pdf' });
    await expect(driver.stat('a/kept')).resolves.toEqual({ size: PDF.length });
  });

  it('refuses a type it does not accept with 415 and removes the object; commit never runs', async () => {
    const commit = jest.fn();
    const refusal = storeThenCommit(
      driver,
      'a/refused',
      streamOf(Buffer.from('chỉ là văn bản thuần')),
      { ...options, details: { kind: 'primary' } },
      commit,
    );
    await expect(domainCodeOf(refusal)).resolves.toBe(ErrorCode.UnsupportedMediaType);
    expect(commit).not.toHaveBeenCalled();
    await expect(driver.stat('a/refused')).resolves.toBeNull();
  });

  it('removes the object when the commit fails, and rethrows the commit’s error', async () => {
    const failure = new Error('giao dịch bị hủy');
    await expect(
      storeThenCommit(driver, 'a/rolled-back', streamOf(PDF), options, () => Promise.reject(failure)),
    ).rejects.toBe(failure);
    await expect(driver.stat('a/rolled-back')).resolves.toBeNull();
  });
});
