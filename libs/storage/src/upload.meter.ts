import { createHash } from 'node:crypto';
import { DomainException, ErrorCode } from '@eiso/common';
import { SNIFF_HEAD_BYTES, sniffMediaType } from './media-type.sniffer';

/** What a driver learns about a file while it streams through. */
export interface UploadMeasure {
  sha256: string;
  size: number;
  mediaType: string;
}

/**
 * Counts, hashes and keeps the head of an upload chunk by chunk, so that drivers never hold more
 * than the sniffing head (plus, for S3, one part) in memory. Refuses the chunk that crosses maxBytes.
 */
export class UploadMeter {
  private readonly hash = createHash('sha256');
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private bytes = 0;
  private measured?: UploadMeasure;

  constructor(private readonly maxBytes?: number) {
    if (maxBytes !== undefined && (!Number.isSafeInteger(maxBytes) || maxBytes < 0)) {
      throw new RangeError(`maxBytes must be a non-negative integer, got ${maxBytes}`);
    }
  }

  get size(): number {
    return this.bytes;
  }

  /** Takes the next chunk as a Buffer, or throws PayloadTooLarge once the limit is crossed. */
  add(raw: unknown): Buffer {
    if (this.measured) throw new Error('UploadMeter already finished');
    const chunk = toBuffer(raw);
    this.bytes += chunk.length;
    if (this.maxBytes !== undefined && this.bytes > this.maxBytes) {
      throw new DomainException(ErrorCode.PayloadTooLarge, { maxBytes: this.maxBytes });
    }
    this.hash.update(chunk);
    if (this.headBytes < SNIFF_HEAD_BYTES && chunk.length > 0) {
      // Copy: a slice would pin the whole source chunk for the life of the upload.
      const taken = Buffer.from(chunk.subarray(0, SNIFF_HEAD_BYTES - this.headBytes));
      this.head.push(taken);
      this.headBytes += taken.length;
    }
    return chunk;
  }

  /** The sniffed media type; final once SNIFF_HEAD_BYTES have arrived or the stream has ended. */
  mediaType(): string {
    return sniffMediaType(Buffer.concat(this.head, this.headBytes));
  }

  /** Ends the measure; call once, after the last chunk. */
  finish(): UploadMeasure {
    this.measured ??= { sha256: this.hash.digest('hex'), size: this.bytes, mediaType: this.mediaType() };
    return this.measured;
  }
}

/** A chunk of an upload stream as a Buffer (no copy); anything but bytes or text is refused. */
export function toBuffer(raw: unknown): Buffer {
  if (Buffer.isBuffer(raw)) return raw;
  if (raw instanceof Uint8Array) return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
  throw new TypeError('Upload streams must yield bytes');
}
