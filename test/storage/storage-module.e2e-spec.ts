import { AppConfig, ConfigModule, loadConfig } from '@eiso/config';
import {
  LocalDiskStorageDriver,
  LocalLinkSigner,
  S3StorageDriver,
  STORAGE_LINK_SECRET,
  StorageDriver,
  StorageModule,
  StorageModuleOptions,
} from '@eiso/storage';
import { INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startS3Server, TestS3Server } from '../support/s3-server';

const SECRET = randomBytes(32).toString('hex');

/** Keeps what Nest logs, to check the line that says which storage is in use. */
class CollectingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(message: unknown): void {
    this.lines.push(String(message));
  }
  error(): void {}
  warn(): void {}
}

async function boot(
  config: AppConfig,
  options?: StorageModuleOptions,
): Promise<{ app: INestApplicationContext; logs: string[] }> {
  const logger = new CollectingLogger();
  class StorageTestRoot {}
  const app = await NestFactory.createApplicationContext(
    { module: StorageTestRoot, imports: [ConfigModule.forRoot(config), StorageModule.forRoot(options)] },
    { logger, abortOnError: false },
  );
  await app.init();
  return { app, logs: logger.lines };
}

describe('StorageModule', () => {
  let dataDir: string;
  let s3: TestS3Server;
  let app: INestApplicationContext | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'eiso-storage-module-'));
    s3 = await startS3Server();
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  afterAll(async () => {
    await s3?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('uses the local disk under EISO_DATA_DIR when S3 is not configured', async () => {
    const config = loadConfig({ EISO_DATA_DIR: dataDir });
    const booted = await boot(config, { linkSecret: { useValue: SECRET } });
    app = booted.app;
    const driver = app.get(StorageDriver);
    expect(driver).toBeInstanceOf(LocalDiskStorageDriver);
    // onModuleInit ran: the directory exists before the first upload.
    expect(existsSync(join(dataDir, 'files', '.tmp'))).toBe(true);
    expect(booted.logs).toContain(`Lưu trữ tệp: ổ đĩa cục bộ tại ${join(dataDir, 'files')}`);

    // The signer the API gets checks the links the driver hands out.
    const url = await driver.presignedGetUrl('documents/1/v1', 60, 'Biểu mẫu.docx');
    const token = url.split('/').pop() ?? '';
    expect(app.get(LocalLinkSigner).verify(token)).toEqual({ key: 'documents/1/v1', name: 'Biểu mẫu.docx' });
    expect(app.get(STORAGE_LINK_SECRET)).toBe(SECRET);
  });

  it('uses S3 when S3_ENDPOINT is set, and creates the bucket at boot', async () => {
    const bucket = `eiso-module-${randomBytes(4).toString('hex')}`;
    const config = loadConfig({
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
      S3_BUCKET: bucket,
      JWT_SECRET: SECRET,
    });
    const booted = await boot(config);
    app = booted.app;
    const driver = app.get(StorageDriver);
    expect(driver).toBeInstanceOf(S3StorageDriver);
    await expect(driver.ping()).resolves.toBeUndefined();
    expect(existsSync(join(s3.directory, bucket))).toBe(true);
    expect(booted.logs).toContain(`Lưu trữ tệp: S3/MinIO tại ${s3.endpoint}, bucket ${bucket}`);
    // Without options the link secret is JWT_SECRET.
    expect(app.get(STORAGE_LINK_SECRET)).toBe(SECRET);
  });

  it('refuses to boot without a usable link secret', async () => {
    const config = loadConfig({ EISO_DATA_DIR: dataDir });
    await expect(boot(config)).rejects.toThrow(/at least 32 characters/);
  });
});
