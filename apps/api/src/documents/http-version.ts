import { DomainException, ErrorCode } from '@eiso/common';

/** Transitions accept an optional If-Match: when sent, a stale one is refused with 412. */
export function optionalVersion(ifMatch: string | undefined): number | undefined {
  if (!ifMatch) return undefined;
  const match = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(ifMatch);
  if (!match) throw new DomainException(ErrorCode.PreconditionFailed, { ifMatch });
  return Number(match[1]);
}
