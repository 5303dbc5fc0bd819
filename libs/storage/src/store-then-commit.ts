import { Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { commitUnlessAborted } from '@eiso/database';
import { unsupportedMediaType } from './media-type.refusal';
import { StorageDriver, StoredObject } from './storage.driver';
import { sniffUpload } from './upload-head';

export interface StoreThenCommitOptions {
  maxBytes: number;
  /** Media types that may be kept; any other answers 415 (with these formats) before a byte is stored. */
  accepted: readonly string[];
  /** More details of a 415 (e.g. the file kind asked for). */
  details?: Record<string, unknown>;
  /**
   * Aborted when the client has gone (IncomingFile.signal): the object is then deleted and the
   * commit rolled back, so that a client that gave up (and retries) never gets the file twice.
   */
  signal?: AbortSignal;
}

const logger = new Logger('StoreThenCommit');

/**
 * An upload in two halves that cannot leave an orphan. First the head is sniffed: a type not
 * accepted is refused there, before storage is asked for anything, while the client still sends.
 * Then the bytes stream under `key` (the driver removes a partial object itself) and `commit`
 * writes the rows in its transaction; if the commit fails, the object is deleted again. A client
 * gone before the COMMIT (options.signal) fails the commit the same way: nothing is kept.
 */
export async function storeThenCommit<T>(
  storage: StorageDriver,
  key: string,
  body: Readable,
  options: StoreThenCommitOptions,
  commit: (stored: StoredObject) => Promise<T>,
): Promise<T> {
  const upload = await sniffUpload(body);
  if (!options.accepted.includes(upload.mediaType)) {
    body.destroy();
    throw unsupportedMediaType(upload.mediaType, options.accepted, options.details);
  }
  const stored = await storage.put(key, upload.body, { maxBytes: options.maxBytes });
  try {
    // The store may have stalled while the client waited, and the client given up meanwhile.
    options.signal?.throwIfAborted();
    return await commitUnlessAborted(options.signal, () => commit(stored));
  } catch (error) {
    await storage
      .delete(key)
      .catch((e: unknown) => logger.error(`Không xóa được tệp mồ côi ${key}: ${String(e)}`));
    throw error;
  }
}
