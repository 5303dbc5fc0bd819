import { OnModuleInit } from '@nestjs/common';
import { Readable } from 'node:stream';
import { StorageKeyTakenError } from './storage-key-taken.error';

/** A stored file as the database records it. */
export interface StoredObject {
  key: string;
  /** Lower-case hex SHA-256 of the bytes as stored. */
  sha256: string;
  size: number;
  /** Sniffed from the content, never taken from the client. */
  mediaType: string;
}

export interface PutObjectOptions {
  /** Refuse (413) and remove everything written as soon as more bytes than this arrive. */
  maxBytes?: number;
}

export interface ObjectStat {
  size: number;
}

/** An object found by `listObjects`. */
export interface ListedObject {
  key: string;
  size: number;
  /** When the object was last written, in ms since the epoch (the end of its upload). */
  modifiedAtMs: number;
}

/**
 * Where file bytes live: MinIO/S3 in the services profile, the local disk in the embedded one.
 * Also the Nest injection token. Keys are immutable; sha256, size and media type go to Postgres.
 */
export abstract class StorageDriver implements OnModuleInit {
  /**
   * Streams `body` to `key` (never whole in memory), hashing and sniffing on the way.
   * On any failure (size limit, source error, storage error) nothing is left under the key and
   * `body` is destroyed; callers that still need the socket (to answer 413) pass a PassThrough.
   * @throws DomainException(PayloadTooLarge) past `maxBytes`; StorageKeyTakenError if the key exists.
   */
  abstract put(key: string, body: Readable, options?: PutObjectOptions): Promise<StoredObject>;

  /** @throws DomainException(StorageObjectNotFound) */
  abstract get(key: string): Promise<Readable>;

  /** null when there is no object under the key. */
  abstract stat(key: string): Promise<ObjectStat | null>;

  /** Idempotent: deleting a missing key succeeds. */
  abstract delete(key: string): Promise<void>;

  /**
   * A time-limited download URL. S3 gives an absolute presigned URL; the local driver a relative
   * `/api/v1/storage/links/<token>` the API serves. `downloadName` becomes the attachment name.
   */
  abstract presignedGetUrl(key: string, ttlSeconds: number, downloadName?: string): Promise<string>;

  /**
   * Every object in the store, streamed (a large store is never listed whole in memory). Only
   * names that are valid keys: anything else in the store is not ours to judge.
   */
  abstract listObjects(): AsyncIterable<ListedObject>;

  /** For health checks: resolves when storage answers, throws otherwise. */
  abstract ping(): Promise<void>;

  /** Creates the bucket or directory when missing. Safe to call more than once. */
  abstract ensureReady(): Promise<void>;

  async onModuleInit(): Promise<void> {
    await this.ensureReady();
  }

  /** The stat-first half of key immutability (the drivers cannot lock a key across processes). */
  protected async refuseExistingKey(key: string): Promise<void> {
    if (await this.stat(key)) throw new StorageKeyTakenError(key);
  }
}
