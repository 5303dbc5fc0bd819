import { MediaType, S3StorageDriver, S3StorageOptions } from '@eiso/storage';
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startS3Server, TestS3Server } from '../support/s3-server';
import { describeStorageContract } from './storage-driver.contract';
import { MIB, sha256, streamOf } from './storage.fixtures';

const PART_SIZE = 5 * MIB;
const NAME = 'Quy trình kiểm soát tài liệu.pdf';

describe('S3StorageDriver (s3rver)', () => {
  let server: TestS3Server;
  let options: S3StorageOptions;
  let driver: S3StorageDriver;

  beforeAll(async () => {
    server = await startS3Server();
    options = {
      endpoint: server.endpoint,
      accessKey: server.accessKey,
      secretKey: server.secretKey,
      bucket: `eiso-test-${randomBytes(4).toString('hex')}`,
      region: 'us-east-1',
      partSizeBytes: PART_SIZE,
    };
    driver = new S3StorageDriver(options);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('creates the bucket when it is missing', async () => {
    await expect(driver.ping()).rejects.toThrow(/does not exist/);
    await driver.onModuleInit();
    await expect(driver.ping()).resolves.toBeUndefined();
  });

  /** s3rver implements neither ListMultipartUploads nor abort, so look at its files directly. */
  async function incompleteUploads(): Promise<string[]> {
    try {
      return await readdir(join(server.directory, options.bucket, '._S3rver_uploads'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  describe('contract', () => {
    describeStorageContract(() => ({ driver, partSize: PART_SIZE, leftovers: incompleteUploads }));
  });

  it('serves a presigned URL that downloads under the Vietnamese name', async () => {
    const key = `documents/${randomBytes(4).toString('hex')}/v1`;
    const content = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4096)]);
    await driver.put(key, streamOf(content));

    const url = await driver.presignedGetUrl(key, 60, NAME);
    expect(url.startsWith(`${server.endpoint}/${options.bucket}/`)).toBe(true);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(MediaType.Pdf);
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; /);
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe(NAME);
    expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(content));
  });

  it('fails ping when the server is unreachable', async () => {
    const unreachable = new S3StorageDriver({ ...options, endpoint: 'http://127.0.0.1:9' });
    await expect(unreachable.ping()).rejects.toThrow();
  });

  it('rejects an endpoint it could not honour', () => {
    expect(() => new S3StorageDriver({ ...options, endpoint: 'http://minio:9000/prefix' })).toThrow(/path/);
    expect(() => new S3StorageDriver({ ...options, endpoint: 'ftp://minio' })).toThrow(/http/);
    expect(() => new S3StorageDriver({ ...options, partSizeBytes: MIB })).toThrow(RangeError);
  });
});
