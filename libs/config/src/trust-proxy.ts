import { isIP } from 'node:net';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** Express's named ranges (proxy-addr). */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** The entries of a comma-separated TRUST_PROXY value. */
export function trustProxyEntries(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** An address, a CIDR range (`10.0.0.0/8`, `fd00::/8`) or a named range. */
export function isTrustProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * A list of proxies only: `true` or a hop count would believe any X-Forwarded-For a client
 * makes up, which is what this setting exists to prevent.
 */
export function IsTrustProxyList(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTrustProxyList',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          trustProxyEntries(value).length > 0 &&
          trustProxyEntries(value).every(isTrustProxyEntry),
      },
    },
    options,
  );
}
