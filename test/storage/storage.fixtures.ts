import { DomainException } from '@eiso/common';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const MIB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** Streams the given bytes in 64 KiB chunks, like a socket would. */
export function streamOf(content: Buffer): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < content.length; at += CHUNK) yield content.subarray(at, at + CHUNK);
    })(),
  );
}

export interface GeneratedStream {
  stream: Readable;
  /** Hash and size of what was produced so far (all of it once the stream has ended). */
  produced(): { sha256: string; size: number };
}

/**
 * Random bytes made on demand, so that the test itself holds no more than one chunk. `head` is
 * sent first (e.g. a PDF signature); `failAfter` makes the source error like a dropped client;
 * `every` calls back each time that many more bytes have been produced.
 */
export function generatedStream(
  size: number,
  options: { head?: Buffer; failAfter?: number; every?: { bytes: number; call: () => void } } = {},
): GeneratedStream {
  const hash = createHash('sha256');
  let sent = 0;
  const stream = Readable.from(
    (function* () {
      while (sent < size) {
        if (options.failAfter !== undefined && sent >= options.failAfter) {
          throw new Error('client went away');
        }
        let chunk = randomBytes(Math.min(CHUNK, size - sent));
        if (sent === 0 && options.head) {
          chunk = Buffer.concat([options.head, chunk]).subarray(0, chunk.length);
        }
        hash.update(chunk);
        sent += chunk.length;
        if (options.every && sent % options.every.bytes < chunk.length) options.every.call();
        yield chunk;
      }
    })(),
  );
  return { stream, produced: () => ({ sha256: hash.copy().digest('hex'), size: sent }) };
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Hash and size of a stream without holding it in memory. */
export async function digestOf(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

export function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The rejection of a promise, to assert on its type and code. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

export async function domainCodeOf(promise: Promise<unknown>): Promise<string> {
  const error = await rejectionOf(promise);
  if (!(error instanceof DomainException)) throw error;
  return error.code;
}

/**
 * Jest runs without --expose-gc; this turns it on for the process. Collecting before each sample
 * keeps garbage (every streamed chunk becomes garbage) from passing for memory held.
 */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export interface MemoryGrowth {
  /** Peak rise of live memory (V8 heap + Buffers) after collection. */
  live: number;
  /** Peak rise of the process's resident set. */
  rss: number;
}

/**
 * Samples memory at the moments the test chooses (e.g. every few MiB a source produces), so that
 * the result does not depend on timing. A full collection takes tens of ms: sample sparingly.
 */
export class MemoryProbe {
  private readonly gc = exposeGc();
  private readonly start: MemoryGrowth;
  private readonly peak: MemoryGrowth;

  constructor() {
    this.start = this.measure();
    this.peak = { ...this.start };
  }

  sample(): void {
    const now = this.measure();
    this.peak.live = Math.max(this.peak.live, now.live);
    this.peak.rss = Math.max(this.peak.rss, now.rss);
  }

  growth(): MemoryGrowth {
    return { live: this.peak.live - this.start.live, rss: this.peak.rss - this.start.rss };
  }

  private measure(): MemoryGrowth {
    this.gc();
    const usage = process.memoryUsage();
    return { live: usage.heapUsed + usage.arrayBuffers, rss: usage.rss };
  }
}
