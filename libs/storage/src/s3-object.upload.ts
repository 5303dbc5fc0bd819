import { Logger } from '@nestjs/common';
import { Client } from 'minio';
import { errorCode, errorMessage } from './error-message.util';
import { StorageMessages } from './storage.messages';

interface UploadedPart {
  part: number;
  etag: string;
}

export interface S3ObjectTarget {
  client: Client;
  bucket: string;
  key: string;
  partSize: number;
}

// s3rver answers AbortMultipartUpload with MethodNotAllowed; other emulators say NotImplemented.
const ABORT_UNSUPPORTED = new Set(['MethodNotAllowed', 'NotImplemented']);

/**
 * Writes one object through a single reusable part buffer. We drive the multipart API ourselves
 * because minio's putObject on a stream of unknown length first lists incomplete uploads, which
 * s3rver does not implement; and this way memory stays at one part per upload.
 * A stream that fits in one part goes up as a single PutObject.
 */
export class S3ObjectUpload {
  private readonly logger = new Logger(S3ObjectUpload.name);
  private readonly buffer: Buffer;
  private filled = 0;
  private uploadId?: string;
  private readonly parts: UploadedPart[] = [];
  private committing = false;
  private committed = false;

  constructor(
    private readonly target: S3ObjectTarget,
    private readonly contentType: () => string,
  ) {
    // Untouched pages of a large allocation are not resident, so small files stay cheap.
    this.buffer = Buffer.allocUnsafe(target.partSize);
  }

  /** Copies the chunk into the part buffer, sending each full part once more bytes follow it. */
  async write(chunk: Buffer): Promise<void> {
    let offset = 0;
    while (offset < chunk.length) {
      // Sent lazily: a stream of exactly one part then still goes up as one PutObject.
      if (this.filled === this.buffer.length) await this.sendPart();
      const copied = chunk.copy(this.buffer, this.filled, offset);
      this.filled += copied;
      offset += copied;
    }
  }

  async complete(): Promise<void> {
    const { client, bucket, key } = this.target;
    if (this.uploadId === undefined) {
      this.committing = true;
      const body = this.buffer.subarray(0, this.filled);
      await client.putObject(bucket, key, body, body.length, { 'Content-Type': this.contentType() });
    } else {
      if (this.filled > 0) await this.sendPart();
      this.committing = true;
      await client.completeMultipartUpload(bucket, key, this.uploadId, this.parts);
    }
    this.committed = true;
  }

  /** Leaves nothing behind after a failure: no incomplete upload, no half-committed object. Never throws. */
  async discard(): Promise<void> {
    if (this.committed) return;
    const { client, bucket, key } = this.target;
    if (this.uploadId !== undefined) await this.abort(this.uploadId);
    if (this.committing) {
      // The commit may have reached the server even though we saw an error.
      await client.removeObject(bucket, key).catch((error: unknown) => {
        this.logger.warn(StorageMessages.cleanupFailed(key, errorMessage(error)));
      });
    }
  }

  private async sendPart(): Promise<void> {
    const { client, bucket, key } = this.target;
    this.uploadId ??= await client.initiateNewMultipartUpload(bucket, key, {
      'Content-Type': this.contentType(),
    });
    const part = this.parts.length + 1;
    // The buffer is reused for the next part only after this request has finished with it.
    const sent = await client.uploadPart(
      { bucketName: bucket, objectName: key, uploadID: this.uploadId, partNumber: part, headers: {} },
      this.buffer.subarray(0, this.filled),
    );
    this.parts.push({ part, etag: sent.etag });
    this.filled = 0;
  }

  private async abort(uploadId: string): Promise<void> {
    const { client, bucket, key } = this.target;
    try {
      await client.abortMultipartUpload(bucket, key, uploadId);
    } catch (error) {
      const code = errorCode(error);
      if (code !== undefined && ABORT_UNSUPPORTED.has(code)) {
        await this.completeAndRemove(uploadId);
      } else {
        this.logger.warn(StorageMessages.abortFailed(key, errorMessage(error)));
      }
    }
  }

  /** Without abort, completing the upload and deleting the object is the only way to clean up. */
  private async completeAndRemove(uploadId: string): Promise<void> {
    const { client, bucket, key } = this.target;
    try {
      if (this.parts.length === 0) {
        // Completing needs at least one part.
        const empty = await client.uploadPart(
          { bucketName: bucket, objectName: key, uploadID: uploadId, partNumber: 1, headers: {} },
          Buffer.alloc(0),
        );
        this.parts.push({ part: 1, etag: empty.etag });
      }
      await client.completeMultipartUpload(bucket, key, uploadId, this.parts);
      this.committing = true;
    } catch (error) {
      this.logger.warn(StorageMessages.abortFailed(key, errorMessage(error)));
    }
  }
}
