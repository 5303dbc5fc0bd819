import { DomainException, ErrorCode } from '@eiso/common';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { constants, createWriteStream, WriteStream } from 'node:fs';
import { access, mkdir, open, opendir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { errorCode, errorMessage } from './error-message.util';
import { LOCAL_LINK_PATH, LocalLinkSigner } from './local-link.signer';
import { assertStorageKey, isStorageKey } from './storage-key.validator';
import { StorageMessages } from './storage.messages';
import { ListedObject, ObjectStat, PutObjectOptions, StorageDriver, StoredObject } from './storage.driver';
import { UploadMeter } from './upload.meter';

export interface LocalDiskStorageOptions {
  /** Directory that holds the files, `<EISO_DATA_DIR>/files`. */
  root: string;
  signer: LocalLinkSigner;
}

/** An object found on disk by `listObjects`; its time is the last write (the rename keeps it). */
export type LocalObject = ListedObject;

// Inside the root so that the final rename never crosses filesystems; keys cannot start with a dot.
const TEMP_DIR = '.tmp';
// Older temp files were left by a crash mid-upload; no upload lasts a day.
const STALE_TEMP_MS = 24 * 3600 * 1000;
const MISSING = new Set(['ENOENT', 'ENOTDIR']);

/** The embedded profile's storage: `<root>/<key>`, written to a temp file then renamed into place. */
export class LocalDiskStorageDriver extends StorageDriver {
  private readonly logger = new Logger(LocalDiskStorageDriver.name);
  private readonly root: string;
  private readonly tempDir: string;
  private readonly signer: LocalLinkSigner;

  constructor(options: LocalDiskStorageOptions) {
    super();
    this.root = resolve(options.root);
    this.tempDir = join(this.root, TEMP_DIR);
    this.signer = options.signer;
  }

  async ensureReady(): Promise<void> {
    await mkdir(this.tempDir, { recursive: true });
    await this.removeStaleTempFiles();
  }

  async ping(): Promise<void> {
    await access(this.tempDir, constants.R_OK | constants.W_OK);
  }

  async put(key: string, body: Readable, options: PutObjectOptions = {}): Promise<StoredObject> {
    const meter = new UploadMeter(options.maxBytes);
    const temp = join(this.tempDir, `${randomUUID()}.part`);
    let out: WriteStream | undefined;
    try {
      const target = this.pathOf(key);
      await this.refuseExistingKey(key);
      // flush: the bytes reach the disk before the rename makes the file visible.
      out = createWriteStream(temp, { flags: 'wx', flush: true });
      await pipeline(
        body,
        async function* (source: AsyncIterable<unknown>) {
          for await (const raw of source) yield meter.add(raw);
        },
        out,
      );
      await whenClosed(out);
      await mkdir(dirname(target), { recursive: true });
      await rename(temp, target);
    } catch (error) {
      body.destroy();
      if (out) {
        // Windows cannot delete a file that is still open.
        out.destroy();
        await whenClosed(out);
        await rm(temp, { force: true }).catch((cleanupError: unknown) => {
          this.logger.warn(StorageMessages.cleanupFailed(key, errorMessage(cleanupError)));
        });
      }
      throw error;
    }
    return { key, ...meter.finish() };
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      // Open before returning, so that a missing file is a 404 now rather than a stream error later.
      const handle = await open(path, 'r');
      if (!(await handle.stat()).isFile()) {
        await handle.close();
        throw new DomainException(ErrorCode.StorageObjectNotFound);
      }
      return handle.createReadStream();
    } catch (error) {
      if (isMissing(error)) throw new DomainException(ErrorCode.StorageObjectNotFound);
      throw error;
    }
  }

  async stat(key: string): Promise<ObjectStat | null> {
    try {
      const found = await stat(this.pathOf(key));
      return found.isFile() ? { size: found.size } : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (error) {
      if (isMissing(error)) return;
      // A directory holding other keys (EISDIR, or EPERM on macOS) is no object either.
      if ((await this.stat(key)) === null) return;
      throw error;
    }
  }

  presignedGetUrl(key: string, ttlSeconds: number, downloadName?: string): Promise<string> {
    assertStorageKey(key);
    return Promise.resolve(`${LOCAL_LINK_PATH}/${this.signer.sign(key, ttlSeconds, downloadName)}`);
  }

  /**
   * Every object under the root, one directory at a time (a large store is never listed whole
   * in memory). The temp directory and any other dot-entry are skipped: keys have no dot-segment.
   */
  async *listObjects(): AsyncGenerator<LocalObject> {
    yield* this.walk(this.root, []);
  }

  private async *walk(dir: string, segments: string[]): AsyncGenerator<LocalObject> {
    const entries = await opendir(dir).catch((error: unknown) => {
      if (isMissing(error)) return undefined;
      throw error;
    });
    if (!entries) return;
    for await (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      const keySegments = [...segments, entry.name];
      if (entry.isDirectory()) {
        yield* this.walk(path, keySegments);
        continue;
      }
      const key = keySegments.join('/');
      // Symlinks and names no key could have are not ours to judge.
      if (!entry.isFile() || !isStorageKey(key)) continue;
      const info = await stat(path).catch((error: unknown) => {
        if (isMissing(error)) return undefined;
        throw error;
      });
      if (info) yield { key, size: info.size, modifiedAtMs: info.mtimeMs };
    }
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    const path = resolve(this.root, ...key.split('/'));
    // Belt and braces: the key rules already keep every path inside the root.
    if (!path.startsWith(this.root + sep)) throw new Error(`Storage key escapes the root: ${key}`);
    return path;
  }

  private async removeStaleTempFiles(): Promise<void> {
    const cutoff = Date.now() - STALE_TEMP_MS;
    let removed = 0;
    for (const name of await readdir(this.tempDir)) {
      const path = join(this.tempDir, name);
      const info = await stat(path).catch(() => undefined);
      if (info && info.mtimeMs < cutoff) {
        await rm(path, { force: true, recursive: true });
        removed += 1;
      }
    }
    if (removed > 0) this.logger.warn(StorageMessages.staleTempRemoved(removed));
  }
}

function isMissing(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && MISSING.has(code);
}

function whenClosed(stream: WriteStream): Promise<void> {
  return new Promise((resolveClosed) => {
    if (stream.closed) resolveClosed();
    else stream.once('close', () => resolveClosed());
  });
}
