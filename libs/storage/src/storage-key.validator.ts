const MAX_KEY_BYTES = 1024;

/**
 * Keys come from our own code (e.g. `documents/<uuid>/<sha256>`), never from users; a bad one is a
 * bug. The same rule on both drivers keeps keys portable and keeps the local driver inside its root:
 * no absolute paths, no `.`/`..`, no dot-segments at all (the local temp directory is `.tmp`).
 */
export function assertStorageKey(key: string): void {
  const problem = storageKeyProblem(key);
  if (problem) throw new Error(`Invalid storage key ${JSON.stringify(key)}: ${problem}`);
}

/** Whether `key` follows the key rules (e.g. a path found on disk that could be an object). */
export function isStorageKey(key: string): boolean {
  return storageKeyProblem(key) === undefined;
}

function storageKeyProblem(key: string): string | undefined {
  if (typeof key !== 'string' || key.length === 0) return 'empty';
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) return `longer than ${MAX_KEY_BYTES} bytes`;
  if (/\p{Cc}/u.test(key)) return 'control character';
  if (key.includes('\\')) return 'backslash';
  if (key.startsWith('/') || /^[a-zA-Z]:/.test(key)) return 'absolute path';
  for (const segment of key.split('/')) {
    if (segment === '') return 'empty segment';
    if (segment.startsWith('.')) return 'segment starting with a dot';
  }
  return undefined;
}
