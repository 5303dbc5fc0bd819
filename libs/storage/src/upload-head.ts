import { Readable } from 'node:stream';
import { SNIFF_HEAD_BYTES, sniffMediaType } from './media-type.sniffer';
import { toBuffer } from './upload.meter';

export interface SniffedUpload {
  /** The type the head shows: the drivers, sniffing the same bytes, name the same one. */
  mediaType: string;
  /** Every byte of the upload, the head first, still streaming: only the head has been read. */
  body: Readable;
}

/**
 * Reads the head of an upload (SNIFF_HEAD_BYTES, or all of it when shorter) and names its media
 * type before anything is stored, so that a refused type is answered while the client still
 * sends. Holds at most the head and one chunk; errors of the source reach the caller here, or
 * later the reader of `body`. Destroying `body` destroys the source.
 */
export async function sniffUpload(source: Readable): Promise<SniffedUpload> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<unknown>;
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SNIFF_HEAD_BYTES) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = toBuffer(next.value);
    head.push(chunk);
    headBytes += chunk.length;
  }
  const mediaType = sniffMediaType(Buffer.concat(head, headBytes));

  // One chunk per read: the stream asks again only once it has been pushed.
  const body = new Readable({
    read() {
      const chunk = head.shift();
      if (chunk) return void this.push(chunk);
      if (ended) return void this.push(null);
      void chunks
        .next()
        .then((next) => {
          if (!this.destroyed) this.push(next.done ? null : toBuffer(next.value));
        })
        .catch((error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))));
    },
    destroy(error, callback) {
      // Also when the body is destroyed half-read (e.g. past maxBytes): the client is not read on.
      source.destroy();
      callback(error);
    },
  });
  return { mediaType, body };
}
