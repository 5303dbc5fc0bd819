/** NFC is how every text is stored (DESIGN §12). */
export function nfc(value: string): string {
  return value.normalize('NFC');
}

/** A NUL, or a UTF-16 surrogate without its other half (the regex runs on code units, no `u` flag). */
// eslint-disable-next-line no-control-regex -- finding NUL is what this pattern is for.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Text PostgreSQL and JSON can carry: no NUL (PostgreSQL refuses it, 22021) and no lone surrogate
 * (JSON.stringify and encodeURIComponent break on it). The one check for every text that comes in.
 */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/** Index of the first NUL or lone surrogate in `value`, or -1. */
export function unstorableIndex(value: string): number {
  return value.search(UNSTORABLE);
}

/**
 * Folds Vietnamese text for accent-insensitive matching: "Đăk Hà" → "dak ha".
 * Mirrors the database's eiso_fold() so that both sides agree.
 */
export function foldVietnamese(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
