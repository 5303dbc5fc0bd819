import { Readable, Transform } from 'node:stream';
import busboy from 'busboy';
import { Request } from 'express';
import { DomainException, ErrorCode, nfc } from '@eiso/common';
import { assertCleanText } from './clean-text';

export interface IncomingFile {
  /** The client's file name, NFC-normalized (busboy is told the parameters are UTF-8). */
  fileName: string;
  /**
   * The bytes as they arrive: never buffered whole. It ends only once the whole form has arrived
   * well-formed, and fails (with a DomainException) if the form is broken or the client hangs up.
   */
  stream: Readable;
  /** Text fields that came before the file part. */
  fields: Record<string, string>;
  /**
   * Aborted once the client has gone (its connection closed before the answer was sent): an
   * upload passes it to storeThenCommit, which then keeps nothing.
   */
  signal: AbortSignal;
}

/** How long to go on reading a refused request so that the client gets the answer instead of a reset. */
const DRAIN_TIMEOUT_MS = 10_000;
const UNNAMED_FILE = 'tep-khong-ten';

function malformed(reason: unknown): DomainException {
  if (reason instanceof DomainException) return reason;
  return new DomainException(ErrorCode.UploadMalformed, {
    reason: reason instanceof Error ? reason.message : String(reason),
  });
}

/** Nobody reads this answer: the socket is gone. It stops the parser and the storage upload. */
function clientAborted(): DomainException {
  return new DomainException(ErrorCode.UploadMalformed, { reason: 'client_aborted' });
}

const ignore = (): void => undefined;

/**
 * Reads and discards what is left of a refused request, in the background: the answer goes out at
 * once, and a client still sending reads it rather than a reset. A client that never stops is cut
 * off after DRAIN_TIMEOUT_MS.
 */
function discardRest(req: Request): void {
  if (req.readableEnded || req.destroyed) return;
  const timer = setTimeout(() => req.destroy(), DRAIN_TIMEOUT_MS).unref();
  const done = (): void => clearTimeout(timer);
  req.once('end', done);
  req.once('close', done);
  req.resume();
}

/**
 * Streams the single file part named `file` of a multipart request into `handle`. Fields the
 * handler needs (e.g. `kind`) must come before the file in the form. When the handler fails (too
 * large, refused type, storage down) the error is answered at once, while the client may still be
 * sending; the rest of the request is read and discarded meanwhile, so that the client sees the
 * 4xx rather than a broken pipe.
 *
 * Nothing a client sends escapes as an uncaught error: every stream gets an error listener the
 * moment it exists, every callback is guarded, and `handle` may throw or reject. A broken form
 * (no boundary, cut off, never closed) answers 400 UPLOAD_MALFORMED; a client that hangs up fails
 * the request quietly. The file stream ends only after the closing boundary, so a handler never
 * commits a file whose request turns out broken.
 */
export function receiveFile<T>(req: Request, handle: (file: IncomingFile) => Promise<T>): Promise<T> {
  if (!req.is('multipart/form-data')) return Promise.reject(new DomainException(ErrorCode.UploadMalformed));
  // The client may have hung up while the controller checked the request, before reading began.
  if (req.destroyed && !req.complete) return Promise.reject(clientAborted());
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    /** Set once the handler has the file: from then on its outcome is the request's. */
    let handling = false;
    let parser: busboy.Busboy | undefined;
    /** The outcome of the form as a whole: undefined while it is still arriving. */
    let form: { error?: Error } | undefined;
    const formWaiters: ((error?: Error) => void)[] = [];
    const fields: Record<string, string> = Object.create(null) as Record<string, string>;
    const clientGone = new AbortController();
    const response = req.res;
    response?.once('close', () => {
      if (!response.writableFinished) clientGone.abort(clientAborted());
    });

    const endForm = (error?: Error): void => {
      if (form) return;
      form = { error };
      for (const waiter of formWaiters.splice(0)) waiter(error);
    };

    // Stops parsing and rejects at once: a refusal (a type the head shows is not accepted, a size
    // past the limit) is answered before the client has sent the rest, which is discarded.
    const refuse = (reason: unknown): void => {
      if (settled) return;
      settled = true;
      const error = reason instanceof Error ? reason : new Error(String(reason));
      if (parser) {
        req.unpipe(parser);
        parser.destroy();
      }
      discardRest(req);
      reject(error);
    };

    // A running handler fails through its stream (and cleans up before the answer); before it,
    // the request fails here.
    const breakForm = (reason: unknown): void => {
      if (handling) parser?.destroy(malformed(reason));
      else refuse(reason);
    };

    // What busboy calls back must not throw: a throw there has no handler and ends the process.
    const guarded =
      <A extends unknown[]>(listener: (...args: A) => void) =>
      (...args: A): void => {
        try {
          listener(...args);
        } catch (error) {
          breakForm(error);
        }
      };

    /** The part as the handler sees it: it ends only once the whole form is known to be sound. */
    const formFile = (part: Readable): Readable => {
      const stream = new Transform({
        transform: (chunk: Buffer, _encoding, callback) => callback(null, chunk),
        flush: (callback) => {
          if (form) callback(form.error);
          else formWaiters.push((error) => callback(error));
        },
      });
      // Its reader sees errors through its own iteration; this listener only keeps an error
      // raised before reading starts (the handler may still be checking the database) from
      // being an unhandled 'error' event.
      stream.on('error', ignore);
      part.on('error', (error) => stream.destroy(malformed(error)));
      part.pipe(stream);
      return stream;
    };

    const startHandler = (part: Readable, info: busboy.FileInfo): void => {
      const stream = formFile(part);
      handling = true;
      // A handler that throws (e.g. a bad field) rejects like one that fails later.
      const result = new Promise<T>((settle) =>
        settle(
          handle({
            fileName: nfc(assertCleanText(info.filename || UNNAMED_FILE, 'file')),
            stream,
            fields,
            signal: clientGone.signal,
          }),
        ),
      );
      result.then(
        (value) => {
          if (settled) return;
          settled = true;
          resolve(value);
        },
        (error: unknown) => {
          stream.destroy();
          refuse(error);
        },
      );
    };

    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 20, fieldSize: 4096 },
      });
    } catch (error) {
      // No boundary, or a content type busboy cannot read: there is no form to parse.
      return refuse(malformed(error));
    }
    parser.on(
      'field',
      guarded((name: string, value: string) => {
        fields[name] = nfc(assertCleanText(value, name));
      }),
    );
    parser.on('file', (name: string, part: Readable, info: busboy.FileInfo) => {
      // First, before anything can fail: the part errors when the form breaks or the client leaves.
      part.on('error', ignore);
      guarded(() => {
        if (name !== 'file' || handling || settled) part.resume();
        else startHandler(part, info);
      })();
    });
    parser.on('finish', () => endForm());
    parser.on('error', (error: Error) => {
      const refusal = malformed(error);
      endForm(refusal);
      if (!handling) refuse(refusal);
    });
    parser.on('close', () => {
      endForm(malformed('form closed before its end'));
      if (!handling) refuse(new DomainException(ErrorCode.UploadMissingFile));
    });
    // `close` without `complete`: the client hung up before the whole body arrived.
    req.once('close', () => {
      if (!req.complete) parser?.destroy(clientAborted());
    });
    req.pipe(parser);
  });
}
