/** NFC is how every text is stored (DESIGN §12). */
export function nfc(value: string): string {
  return value.normalize('NFC');
}

/** Recursively NFC-normalizes every string in a JSON-like value. */
export function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return nfc(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => nfcDeep(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = nfcDeep(v);
    return out as T;
  }
  return value;
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
