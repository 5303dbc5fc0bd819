import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@eiso/config';
import { TransactionRunner } from '@eiso/database';
import { ObjectReferenceRepository } from './object-reference.repository';
import { StorageMessages } from './storage.messages';
import { ListedObject, StorageDriver } from './storage.driver';

const HOUR_MS = 3600 * 1000;
const BATCH_SIZE = 500;

export interface OrphanSweepResult {
  /** Objects old enough to be judged. */
  checked: number;
  removed: number;
  /** Bytes freed. */
  bytes: number;
}

export interface OrphanSweepOptions {
  /** Younger objects are never judged; ORPHAN_MIN_AGE_HOURS unless given (tests). */
  minAgeMs?: number;
}

/**
 * Deletes every stored object, on either driver, that no row names (the columns listed in
 * object-key-columns.ts) once it is older than ORPHAN_MIN_AGE_HOURS: left by a process killed
 * between storing and committing its row, by a controlled copy superseded while its remover died,
 * or by a cleanup that failed. Objects are listed from storage as a stream (the local disk one
 * directory at a time, S3 one ListObjectsV2 page at a time) and checked against the database in
 * batches, so a large store is never held in memory. Run daily by `storage.sweep-orphans`.
 */
@Injectable()
export class OrphanSweepService {
  private readonly logger = new Logger(OrphanSweepService.name);

  constructor(
    private readonly storage: StorageDriver,
    private readonly tx: TransactionRunner,
    private readonly references: ObjectReferenceRepository,
    private readonly config: AppConfig,
  ) {}

  async sweep(options: OrphanSweepOptions = {}): Promise<OrphanSweepResult> {
    const unclassified = await this.references.unclassifiedKeyColumns(this.tx.db);
    if (unclassified.length) throw new Error(StorageMessages.unclassifiedKeyColumns(unclassified));
    const minAgeMs = options.minAgeMs ?? this.config.ORPHAN_MIN_AGE_HOURS * HOUR_MS;
    // Object times come from the store's clock (the OS, or S3's), so the cutoff does too (not the injectable Clock).
    const cutoff = Date.now() - minAgeMs;
    const result: OrphanSweepResult = { checked: 0, removed: 0, bytes: 0 };
    try {
      let batch: ListedObject[] = [];
      for await (const object of this.storage.listObjects()) {
        if (object.modifiedAtMs >= cutoff) continue;
        batch.push(object);
        if (batch.length === BATCH_SIZE) {
          await this.removeUnreferenced(batch, result);
          batch = [];
        }
      }
      await this.removeUnreferenced(batch, result);
    } finally {
      // Also after a failure part-way: what was deleted is said.
      if (result.removed > 0)
        this.logger.warn(StorageMessages.orphansRemoved(result.removed, result.bytes, minAgeMs));
    }
    return result;
  }

  private async removeUnreferenced(batch: ListedObject[], result: OrphanSweepResult): Promise<void> {
    if (!batch.length) return;
    result.checked += batch.length;
    // Checked after listing: a row committed since the listing keeps its object.
    const orphans = new Set(
      await this.references.unreferenced(
        this.tx.db,
        batch.map((o) => o.key),
      ),
    );
    for (const object of batch) {
      if (!orphans.has(object.key)) continue;
      await this.storage.delete(object.key);
      result.removed += 1;
      result.bytes += object.size;
    }
  }
}
