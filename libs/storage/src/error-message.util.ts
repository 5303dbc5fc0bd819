/** A short reason for a log line, whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The `code` of a Node system error (`ENOENT`) or an S3 error (`NoSuchKey`). Duck-typed on
 * purpose: errors made by Node core fail `instanceof Error` inside Jest's sandbox.
 */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
