import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { Readable } from 'node:stream';
import { attachmentContentDisposition } from '@eiso/storage';

/** A stored file as a domain hands it out: its facts and its bytes. */
export interface StoredFileDownload {
  file: { name: string; mediaType: string; size: number; sha256: string };
  stream: Readable;
}

/**
 * The answer of every "download a file" route: the bytes with their media type and length, the
 * original name (RFC 5987), and the sha256 as the ETag.
 */
export function answerStoredFile(res: Response, { file, stream }: StoredFileDownload): StreamableFile {
  res.setHeader('ETag', `"${file.sha256}"`);
  return new StreamableFile(stream, {
    type: file.mediaType,
    length: file.size,
    disposition: attachmentContentDisposition(file.name),
  });
}
