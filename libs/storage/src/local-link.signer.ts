import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainException, ErrorCode } from '@eiso/common';

/** Route prefix under which the API serves local-disk download links. */
export const LOCAL_LINK_PATH = '/api/v1/storage/links';

/** What a valid local download link grants. */
export interface LocalLink {
  key: string;
  /** Attachment name to send in Content-Disposition. */
  name?: string;
}

interface LinkPayload {
  key: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  name?: string;
}

const MIN_SECRET_LENGTH = 32;
const MAX_TOKEN_LENGTH = 4096;
// The secret is shared with JWT signing; a derived key keeps the two uses apart.
const KEY_PURPOSE = 'eiso/storage-link/v1';

/**
 * Signs and checks the local driver's stand-in for S3 presigned URLs:
 * `base64url(JSON {key, exp, name?}) + "." + base64url(HMAC-SHA256)`.
 */
export class LocalLinkSigner {
  private readonly hmacKey: Buffer;

  constructor(secret: string) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
      throw new Error(`The storage link secret must be at least ${MIN_SECRET_LENGTH} characters`);
    }
    this.hmacKey = createHmac('sha256', secret).update(KEY_PURPOSE).digest();
  }

  sign(key: string, ttlSeconds: number, name?: string): string {
    if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
      throw new RangeError(`ttlSeconds must be a positive integer, got ${ttlSeconds}`);
    }
    const payload: LinkPayload = { key, exp: Math.floor(Date.now() / 1000) + ttlSeconds };
    if (name !== undefined) payload.name = name;
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${body}.${this.signature(body)}`;
  }

  /** @throws DomainException(StorageLinkInvalid) when the token is malformed, forged or expired. */
  verify(token: string): LocalLink {
    const payload = this.readPayload(token);
    if (!payload || payload.exp * 1000 <= Date.now()) throw new DomainException(ErrorCode.StorageLinkInvalid);
    return payload.name === undefined ? { key: payload.key } : { key: payload.key, name: payload.name };
  }

  private readPayload(token: string): LinkPayload | undefined {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return undefined;
    const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token);
    if (!match) return undefined;
    const [, body, signature] = match;
    // Compare the text, not decoded bytes: base64url has spare bits, so decoding is not one-to-one.
    const given = Buffer.from(signature, 'latin1');
    const expected = Buffer.from(this.signature(body), 'latin1');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return parsePayload(Buffer.from(body, 'base64url').toString('utf8'));
  }

  private signature(body: string): string {
    return createHmac('sha256', this.hmacKey).update(body).digest('base64url');
  }
}

function parsePayload(json: string): LinkPayload | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { key, exp, name } = value as Record<string, unknown>;
  if (typeof key !== 'string' || typeof exp !== 'number' || !Number.isFinite(exp)) return undefined;
  if (name !== undefined && typeof name !== 'string') return undefined;
  return name === undefined ? { key, exp } : { key, exp, name };
}
