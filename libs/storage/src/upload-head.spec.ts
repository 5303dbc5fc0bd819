import { createHash, randomBytes } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { MediaType } from './media-type.constants';
import { SNIFF_HEAD_BYTES } from './media-type.sniffer';
import { sniffUpload } from './upload-head';

const PDF_HEAD = Buffer.from('%PDF-1.7\n');

function chunked(content: Buffer, size: number): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < content.length; at += size) yield content.subarray(at, at + size);
    })(),
  );
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const digest = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('sniffUpload', () => {
  it.each([
    ['shorter than the head', 1000, 300],
    ['exactly the head', SNIFF_HEAD_BYTES, 4096],
    ['one byte past the head', SNIFF_HEAD_BYTES + 1, 4096],
    ['many times the head, in odd chunks', 5 * SNIFF_HEAD_BYTES + 123, 7777],
    ['in one chunk larger than the head', 3 * SNIFF_HEAD_BYTES, 3 * SNIFF_HEAD_BYTES],
  ])('names the type and hands back every byte in order: %s', async (_case, size, chunk) => {
    const content = Buffer.concat([PDF_HEAD, randomBytes(size - PDF_HEAD.length)]);
    const sniffed = await sniffUpload(chunked(content, chunk));
    expect(sniffed.mediaType).toBe(MediaType.Pdf);
    expect(digest(await readAll(sniffed.body))).toBe(digest(content));
  });

  it('names what the first SNIFF_HEAD_BYTES show, whatever follows', async () => {
    const text = Buffer.alloc(SNIFF_HEAD_BYTES, 'a');
    const sniffed = await sniffUpload(chunked(Buffer.concat([text, randomBytes(1000)]), 1000));
    expect(sniffed.mediaType).toBe(MediaType.PlainText);
  });

  it('reads no more than the head before answering', async () => {
    const source = new PassThrough();
    source.write(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(SNIFF_HEAD_BYTES)]));
    // Nothing more is written, nor the end: the answer cannot wait for the rest.
    const sniffed = await sniffUpload(source);
    expect(sniffed.mediaType).toBe(MediaType.WindowsExecutable);
    source.destroy();
  });

  it('an empty upload is of no known type', async () => {
    const sniffed = await sniffUpload(Readable.from([], { objectMode: false }));
    expect(sniffed.mediaType).toBe(MediaType.OctetStream);
    expect(await readAll(sniffed.body)).toHaveLength(0);
  });

  it('fails with the source’s error inside the head, and through the body after it', async () => {
    const early = new PassThrough();
    const sniffing = sniffUpload(early);
    early.destroy(new Error('client went away'));
    await expect(sniffing).rejects.toThrow('client went away');

    const late = new PassThrough();
    late.write(Buffer.concat([PDF_HEAD, Buffer.alloc(SNIFF_HEAD_BYTES)]));
    const sniffed = await sniffUpload(late);
    const reading = readAll(sniffed.body);
    late.destroy(new Error('client went away'));
    await expect(reading).rejects.toThrow('client went away');
  });

  it('destroys the source when the body is destroyed half-read', async () => {
    const source = new PassThrough();
    source.write(Buffer.concat([PDF_HEAD, Buffer.alloc(2 * SNIFF_HEAD_BYTES)]));
    const sniffed = await sniffUpload(source);
    for await (const chunk of sniffed.body) {
      expect((chunk as Buffer).length).toBeGreaterThan(0);
      break;
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.destroyed).toBe(true);
  });
});
