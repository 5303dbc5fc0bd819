import { Readable } from 'node:stream';

/** The whole object in memory: files are bounded by MAX_UPLOAD_MB, and converters and pdf.js need it whole. */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
