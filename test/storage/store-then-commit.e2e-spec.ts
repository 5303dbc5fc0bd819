import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainException, ErrorCode } from '@eiso/common';
import { LocalDiskStorageDriver, LocalLinkSigner, SNIFF_HEAD_BYTES, storeThenCommit } from '@eiso/storage';
import { domainCodeOf, generatedStream, MIB, rejectionOf, sha256, streamOf } from './storage.fixtures';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXE_HEAD = Buffer.from('MZ\x90\x00', 'latin1');

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

  afterEach(() => jest.restoreAllMocks());

  const options = { maxBytes: 30 * MIB, accepted: ['application/pdf'] };

  it('keeps the object when the commit succeeds and hands it the stored facts', async () => {
    const result = await storeThenCommit(driver, 'a/kept', streamOf(PDF), options, (stored) =>
      Promise.resolve(stored),
    );
    expect(result).toMatchObject({ key: 'a/kept', size: PDF.length, mediaType: 'application/pdf' });
    await expect(driver.stat('a/kept')).resolves.toEqual({ size: PDF.length });
  });

  it('stores every byte of a file larger than the sniffed head, the head included', async () => {
    const source = generatedStream(3 * MIB + 17, { head: PDF });
    const stored = await storeThenCommit(driver, 'a/large', source.stream, options, (s) =>
      Promise.resolve(s),
    );
    expect(stored).toMatchObject({ ...source.produced(), mediaType: 'application/pdf' });
    const back = await driver.get('a/large');
    const chunks: Buffer[] = [];
    for await (const chunk of back) chunks.push(chunk as Buffer);
    expect(sha256(Buffer.concat(chunks))).toBe(source.produced().sha256);
  });

  it('refuses a type it does not accept with 415 before storage is asked for anything', async () => {
    const put = jest.spyOn(driver, 'put');
    const commit = jest.fn();
    const refusal = storeThenCommit(
      driver,
      'a/refused',
      streamOf(Buffer.from('chỉ là văn bản thuần')),
      { ...options, details: { kind: 'primary' } },
      commit,
    );
    const error = await rejectionOf(refusal);
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({
      code: ErrorCode.UnsupportedMediaType,
      details: {
        mediaType: 'text/plain',
        detected: 'văn bản thuần (TXT)',
        accepted: ['PDF'],
        acceptedMediaTypes: ['application/pdf'],
        kind: 'primary',
      },
    });
    expect(put).not.toHaveBeenCalled();
    expect(commit).not.toHaveBeenCalled();
    await expect(driver.stat('a/refused')).resolves.toBeNull();
  });

  it('refuses a 20 MiB executable after reading no more than its head', async () => {
    const put = jest.spyOn(driver, 'put');
    const source = generatedStream(20 * MIB, { head: EXE_HEAD });
    const code = await domainCodeOf(storeThenCommit(driver, 'a/exe', source.stream, options, jest.fn()));
    expect(code).toBe(ErrorCode.UnsupportedMediaType);
    expect(put).not.toHaveBeenCalled();
    // The head, plus what the stream had buffered ahead: nowhere near the 20 MiB.
    expect(source.produced().size).toBeLessThan(SNIFF_HEAD_BYTES + 2 * 64 * 1024);
    expect(source.stream.destroyed).toBe(true);
  });

  it('removes the object when the commit fails, and rethrows the commit’s error', async () => {
    const failure = new Error('giao dịch bị hủy');
    await expect(
      storeThenCommit(driver, 'a/rolled-back', streamOf(PDF), options, () => Promise.reject(failure)),
    ).rejects.toBe(failure);
    await expect(driver.stat('a/rolled-back')).resolves.toBeNull();
  });

  it('keeps the size limit on the whole file, the head included', async () => {
    const source = generatedStream(2 * MIB, { head: PDF });
    const code = await domainCodeOf(
      storeThenCommit(driver, 'a/too-large', source.stream, { ...options, maxBytes: MIB }, jest.fn()),
    );
    expect(code).toBe(ErrorCode.PayloadTooLarge);
    await expect(driver.stat('a/too-large')).resolves.toBeNull();
  });
});
