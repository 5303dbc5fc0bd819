import { errorCode } from './error-message.util';

/** HEAD answers 404 without a body, so minio reports `NotFound` rather than `NoSuchKey`. */
export function isS3NotFound(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'NoSuchKey' || code === 'NotFound';
}
