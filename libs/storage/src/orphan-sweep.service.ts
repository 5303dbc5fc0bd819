import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { TransactionRunner } from '@eiso/database';
import { errorMessage } from './error-message.util';
import { LocalDiskStorageDriver, LocalObject } from './local-disk.storage-driver';
import { ObjectReferenceRepository } from './object-reference.repository';
import { StorageMessages } from './storage.messages';
import { StorageDriver } from './storage.driver';

/**
 * An upload commits its row seconds after its last byte (storeThenCommit, controlled copies):
 * an older object with no row was left by a crash in between, or by a cleanup that failed.
 */
export const ORPHAN_MIN_AGE_MS = 3600 * 1000;
const BATCH_SIZE = 500;

export interface OrphanSweepResult {
  /** Objects old enough to be judged. */
  checked: number;
  removed: number;
  /** Bytes freed. */
  bytes: number;
}

/**
 * At API start on local-disk storage, deletes every object older than an hour that no row
 * names (the columns listed in object-key-columns.ts). Objects are walked on disk and checked
 * against the database in batches, so a large store is never held in memory; the temp
 * directory is the driver's own sweep. On S3/MinIO it does nothing: orphans there are a matter
 * for the bucket's lifecycle rules, not for this sweep.
 */
@Injectable()
export class OrphanSweepService implements OnApplicationBootstrap {
  private readonly logger = new Logger(OrphanSweepService.name);

  constructor(
    private readonly storage: StorageDriver,
    private readonly tx: TransactionRunner,
    private readonly references: ObjectReferenceRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Orphans only cost disk space: a failed sweep is logged and must not keep the API down.
    await this.sweep().catch((error: unknown) => {
      this.logger.error(StorageMessages.orphanSweepFailed(errorMessage(error)));
    });
  }

  /** null when storage is not the local disk. */
  async sweep(): Promise<OrphanSweepResult | null> {
    const storage = this.storage;
    if (!(storage instanceof LocalDiskStorageDriver)) return null;
    const unclassified = await this.references.unclassifiedKeyColumns(this.tx.db);
    if (unclassified.length) throw new Error(StorageMessages.unclassifiedKeyColumns(unclassified));
    // File times come from the OS clock, so the cutoff does too (not the injectable Clock).
    const cutoff = Date.now() - ORPHAN_MIN_AGE_MS;
    const result: OrphanSweepResult = { checked: 0, removed: 0, bytes: 0 };
    try {
      let batch: LocalObject[] = [];
      for await (const object of storage.listObjects()) {
        if (object.modifiedAtMs >= cutoff) continue;
        batch.push(object);
        if (batch.length === BATCH_SIZE) {
          await this.removeUnreferenced(storage, batch, result);
          batch = [];
        }
      }
      await this.removeUnreferenced(storage, batch, result);
    } finally {
      // Also after a failure part-way: what was deleted is said.
      if (result.removed > 0) this.logger.warn(StorageMessages.orphansRemoved(result.removed, result.bytes));
    }
    return result;
  }

  private async removeUnreferenced(
    storage: LocalDiskStorageDriver,
    batch: LocalObject[],
    result: OrphanSweepResult,
  ): Promise<void> {
    if (!batch.length) return;
    result.checked += batch.length;
    const orphans = new Set(
      await this.references.unreferenced(
        this.tx.db,
        batch.map((o) => o.key),
      ),
    );
    for (const object of batch) {
      if (!orphans.has(object.key)) continue;
      await storage.delete(object.key);
      result.removed += 1;
      result.bytes += object.size;
    }
  }
}
