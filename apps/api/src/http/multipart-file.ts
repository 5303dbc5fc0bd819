import { Readable } from 'node:stream';
import busboy from 'busboy';
import { Request } from 'express';
import { DomainException, ErrorCode, nfc } from '@eiso/common';

export interface IncomingFile {
  /** The client's file name, NFC-normalized (busboy is told the parameters are UTF-8). */
  fileName: string;
  /** The bytes as they arrive: never buffered whole. */
  stream: Readable;
  /** Text fields that came before the file part. */
  fields: Record<string, string>;
}

/** How long to keep reading a refused request so that the client gets the answer instead of a reset. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Streams the single file part named `file` of a multipart request into `handle`. Fields the
 * handler needs (e.g. `kind`) must come before the file in the form. When the handler fails (too
 * large, refused type, storage down) the rest of the request is read and discarded before the
 * error is answered, so that the client sees the 4xx rather than a broken pipe.
 */
export function receiveFile<T>(req: Request, handle: (file: IncomingFile) => Promise<T>): Promise<T> {
  if (!req.is('multipart/form-data')) return Promise.reject(new DomainException(ErrorCode.UploadMalformed));
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let sawFile = false;
    const fields: Record<string, string> = {};
    const parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { files: 1, fields: 20, fieldSize: 4096 },
    });

    const fail = (reason: unknown): void => {
      const error = reason instanceof Error ? reason : new Error(String(reason));
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      if (req.readableEnded || req.destroyed) return reject(error);
      const timer = setTimeout(() => req.destroy(), DRAIN_TIMEOUT_MS);
      req.once('end', () => {
        clearTimeout(timer);
        reject(error);
      });
      req.once('close', () => {
        clearTimeout(timer);
        reject(error);
      });
      req.resume();
    };

    parser.on('field', (name, value) => (fields[name] = nfc(value)));
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || sawFile) {
        stream.resume();
        return;
      }
      sawFile = true;
      handle({ fileName: nfc(info.filename || 'tep-khong-ten'), stream, fields }).then((result) => {
        if (settled) return;
        settled = true;
        resolve(result);
      }, fail);
    });
    parser.on('error', (error) =>
      fail(new DomainException(ErrorCode.UploadMalformed, { reason: String(error) })),
    );
    parser.on('close', () => {
      if (!sawFile) fail(new DomainException(ErrorCode.UploadMissingFile));
    });
    req.on('aborted', () => parser.destroy(new Error('client aborted the upload')));
    req.pipe(parser);
  });
}
