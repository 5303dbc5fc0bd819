import { ErrorCode } from '@eiso/common';
import { LOCAL_LINK_PATH, LocalDiskStorageDriver, LocalLinkSigner } from '@eiso/storage';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStorageContract } from './storage-driver.contract';
import { domainCodeOf, MIB, readAll, streamOf } from './storage.fixtures';

const NAME = 'Quy trình kiểm soát tài liệu.pdf';

describe('LocalDiskStorageDriver', () => {
  let dataDir: string;
  let root: string;
  let signer: LocalLinkSigner;
  let driver: LocalDiskStorageDriver;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'eiso-local-storage-'));
    root = join(dataDir, 'files');
    signer = new LocalLinkSigner(randomBytes(32).toString('hex'));
    driver = new LocalDiskStorageDriver({ root, signer });
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates its directory when missing', async () => {
    await expect(driver.ping()).rejects.toThrow();
    await driver.onModuleInit();
    await expect(driver.ping()).resolves.toBeUndefined();
  });

  const tempFiles = (): Promise<string[]> => readdir(join(root, '.tmp'));

  describe('contract', () => {
    describeStorageContract(() => ({ driver, partSize: 5 * MIB, leftovers: tempFiles }));
  });

  it('keeps each file at <root>/<key>', async () => {
    await driver.put('documents/abc/v1', streamOf(Buffer.from('nội dung')));
    expect(await readFile(join(root, 'documents', 'abc', 'v1'), 'utf8')).toBe('nội dung');
  });

  it('hands out a relative link whose token the API can verify', async () => {
    const key = `documents/${randomBytes(4).toString('hex')}/v1`;
    const content = Buffer.from('%PDF-1.7\nxin chào');
    await driver.put(key, streamOf(content));
    const url = await driver.presignedGetUrl(key, 60, NAME);
    expect(url.startsWith(`${LOCAL_LINK_PATH}/`)).toBe(true);
    const link = signer.verify(url.slice(LOCAL_LINK_PATH.length + 1));
    expect(link).toEqual({ key, name: NAME });
    expect(await readAll(await driver.get(link.key))).toEqual(content);
  });

  it('treats a directory of keys as no object', async () => {
    await driver.put('folder/inner/v1', streamOf(Buffer.from('x')));
    expect(await driver.stat('folder/inner')).toBeNull();
    expect(await domainCodeOf(driver.get('folder/inner'))).toBe(ErrorCode.StorageObjectNotFound);
    await expect(driver.delete('folder/inner')).resolves.toBeUndefined();
    expect(existsSync(join(root, 'folder', 'inner', 'v1'))).toBe(true);
  });

  it('clears temp files abandoned by a crash, but not fresh ones', async () => {
    const stale = join(root, '.tmp', 'crashed.part');
    const fresh = join(root, '.tmp', 'uploading.part');
    await writeFile(stale, 'half');
    await writeFile(fresh, 'half');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    await utimes(stale, twoDaysAgo, twoDaysAgo);
    await driver.ensureReady();
    expect(await tempFiles()).toEqual(['uploading.part']);
    await rm(fresh);
  });
});
