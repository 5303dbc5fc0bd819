import { Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DomainException, ErrorCode } from '@eiso/common';
import { StorageDriver, StoredObject } from './storage.driver';

export interface StoreThenCommitOptions {
  maxBytes: number;
  /** Whether the sniffed media type may be kept; a refusal answers 415 with `details`. */
  accepts: (mediaType: string) => boolean;
  details?: Record<string, unknown>;
}

const logger = new Logger('StoreThenCommit');

/**
 * An upload in two halves that cannot leave an orphan: stream the bytes under `key` (the driver
 * removes a partial object itself), then check the sniffed type and let `commit` write the rows
 * in its transaction. If the check or the commit fails, the object is deleted again.
 */
export async function storeThenCommit<T>(
  storage: StorageDriver,
  key: string,
  body: Readable,
  options: StoreThenCommitOptions,
  commit: (stored: StoredObject) => Promise<T>,
): Promise<T> {
  const stored = await storage.put(key, body, { maxBytes: options.maxBytes });
  try {
    if (!options.accepts(stored.mediaType)) {
      throw new DomainException(ErrorCode.UnsupportedMediaType, {
        mediaType: stored.mediaType,
        ...options.details,
      });
    }
    return await commit(stored);
  } catch (error) {
    await storage
      .delete(key)
      .catch((e: unknown) => logger.error(`Không xóa được tệp mồ côi ${key}: ${String(e)}`));
    throw error;
  }
}
