import { DomainException, ErrorCode, isNetworkError, markOutage } from '@eiso/common';
import { Logger } from '@nestjs/common';
import { BucketItem, Client } from 'minio';
import { Readable } from 'node:stream';
import { attachmentContentDisposition } from './content-disposition.util';
import { errorCode } from './error-message.util';
import { isS3NotFound } from './s3-error.util';
import { S3ObjectUpload } from './s3-object.upload';
import { assertStorageKey, isStorageKey } from './storage-key.validator';
import { StorageMessages } from './storage.messages';
import { timedTransport } from './timed-http.transport';
import { ListedObject, ObjectStat, PutObjectOptions, StorageDriver, StoredObject } from './storage.driver';
import { UploadMeter } from './upload.meter';

export interface S3StorageOptions {
  /** `http(s)://host[:port]`, e.g. `http://minio:9000`. Requests are path-style. */
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
  /** Bytes per multipart part, and the most one upload holds in memory. S3 needs ≥ 5 MiB. */
  partSizeBytes: number;
  /** Opening a connection to S3 (default 5 s). */
  connectTimeoutMs?: number;
  /** Longest silence within a request, upload or download (default 30 s). */
  requestTimeoutMs?: number;
}

/** A failure to reach S3 (refused, reset, timed out) is the storage's outage: 503, not 500. */
function outage(error: unknown): Error {
  const failure = error instanceof Error ? error : new Error(String(error));
  return isNetworkError(failure) ? markOutage(failure, 'storage') : failure;
}

const MIN_PART_BYTES = 5 * 1024 * 1024;
const MAX_PART_BYTES = 5 * 1024 * 1024 * 1024;
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;
const PING_TIMEOUT_MS = 5000;

/** MinIO or any S3-compatible server, through the minio client. */
export class S3StorageDriver extends StorageDriver {
  private readonly logger = new Logger(S3StorageDriver.name);
  private readonly client: Client;
  private readonly bucket: string;
  private readonly region: string;
  private readonly partSize: number;

  constructor(options: S3StorageOptions) {
    super();
    const url = new URL(options.endpoint);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`S3 endpoint must be http(s)://, got ${options.endpoint}`);
    }
    // The minio client cannot prefix request paths, so an endpoint path would be silently dropped.
    if (url.pathname !== '/' || url.search !== '') {
      throw new Error(`S3 endpoint must not have a path or query, got ${options.endpoint}`);
    }
    if (
      !Number.isInteger(options.partSizeBytes) ||
      options.partSizeBytes < MIN_PART_BYTES ||
      options.partSizeBytes > MAX_PART_BYTES
    ) {
      throw new RangeError(`S3 part size must be 5 MiB to 5 GiB, got ${options.partSizeBytes}`);
    }
    const useSSL = url.protocol === 'https:';
    this.client = new Client({
      endPoint: url.hostname,
      port: url.port ? Number(url.port) : useSSL ? 443 : 80,
      useSSL,
      accessKey: options.accessKey,
      secretKey: options.secretKey,
      // Set, so that the client never asks the server for the bucket location.
      region: options.region,
      pathStyle: true,
      // Bounds every request: a stalled store fails the request instead of hanging it.
      transport: timedTransport(useSSL, {
        connectMs: options.connectTimeoutMs ?? 5_000,
        idleMs: options.requestTimeoutMs ?? 30_000,
      }),
    });
    this.bucket = options.bucket;
    this.region = options.region;
    this.partSize = options.partSizeBytes;
  }

  async ensureReady(): Promise<void> {
    let exists: boolean;
    try {
      exists = await this.client.bucketExists(this.bucket);
    } catch (error) {
      throw outage(error);
    }
    if (exists) return;
    try {
      await this.client.makeBucket(this.bucket, this.region);
      this.logger.log(StorageMessages.bucketCreated(this.bucket));
    } catch (error) {
      // Another process (api or worker) created it first.
      if (errorCode(error) !== 'BucketAlreadyOwnedByYou') throw error;
    }
  }

  async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`S3 did not answer within ${PING_TIMEOUT_MS} ms`)),
        PING_TIMEOUT_MS,
      );
    });
    try {
      const exists = await Promise.race([this.client.bucketExists(this.bucket), timeout]);
      if (!exists) throw new Error(`S3 bucket ${this.bucket} does not exist`);
    } finally {
      clearTimeout(timer);
    }
  }

  async put(key: string, body: Readable, options: PutObjectOptions = {}): Promise<StoredObject> {
    const meter = new UploadMeter(options.maxBytes);
    let upload: S3ObjectUpload | undefined;
    try {
      assertStorageKey(key);
      await this.refuseExistingKey(key);
      const target = { client: this.client, bucket: this.bucket, key, partSize: this.partSize };
      // The first part is far larger than the sniffing head, so the type is known before it is sent.
      upload = new S3ObjectUpload(target, () => meter.mediaType());
      for await (const raw of body) {
        await upload.write(meter.add(raw));
      }
      await upload.complete();
    } catch (error) {
      // Stop reading the client, then remove what was written. A store that is down cannot be
      // cleaned now: the answer (503) does not wait for it; what is left the orphan sweep finds.
      body.destroy();
      if (isNetworkError(error)) void upload?.discard();
      else await upload?.discard();
      throw outage(error);
    }
    return { key, ...meter.finish() };
  }

  async get(key: string): Promise<Readable> {
    assertStorageKey(key);
    try {
      return await this.client.getObject(this.bucket, key);
    } catch (error) {
      if (isS3NotFound(error)) throw new DomainException(ErrorCode.StorageObjectNotFound);
      throw outage(error);
    }
  }

  async stat(key: string): Promise<ObjectStat | null> {
    assertStorageKey(key);
    try {
      const stat = await this.client.statObject(this.bucket, key);
      return { size: stat.size };
    } catch (error) {
      if (isS3NotFound(error)) return null;
      throw outage(error);
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    // S3 answers 204 for a missing key too, which makes this idempotent.
    try {
      await this.client.removeObject(this.bucket, key);
    } catch (error) {
      throw outage(error);
    }
  }

  /**
   * The bucket's objects through ListObjectsV2, page by page as the stream is read (the client
   * asks for the next page only when this generator is pulled). Incomplete multipart uploads are
   * not objects: the bucket's AbortIncompleteMultipartUpload lifecycle rule removes them.
   */
  async *listObjects(): AsyncGenerator<ListedObject> {
    const items = this.client.listObjectsV2(this.bucket, '', true) as AsyncIterable<BucketItem>;
    for await (const item of items) {
      if (item.name === undefined || !isStorageKey(item.name)) continue;
      yield { key: item.name, size: item.size, modifiedAtMs: item.lastModified.getTime() };
    }
  }

  async presignedGetUrl(key: string, ttlSeconds: number, downloadName?: string): Promise<string> {
    assertStorageKey(key);
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_PRESIGN_SECONDS) {
      throw new RangeError(`ttlSeconds must be 1 to ${MAX_PRESIGN_SECONDS}, got ${ttlSeconds}`);
    }
    const responseHeaders: Record<string, string> = {};
    if (downloadName !== undefined) {
      responseHeaders['response-content-disposition'] = attachmentContentDisposition(downloadName);
    }
    return this.client.presignedGetObject(this.bucket, key, ttlSeconds, responseHeaders);
  }
}
