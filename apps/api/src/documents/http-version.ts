import { parseIfMatch } from '../http/etag';

/** Transitions accept an optional If-Match: when sent, a malformed or stale one is refused with 412. */
export function optionalVersion(ifMatch: string | undefined): number | undefined {
  return ifMatch ? parseIfMatch(ifMatch) : undefined;
}
