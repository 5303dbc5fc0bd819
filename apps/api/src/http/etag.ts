import { DomainException, ErrorCode } from '@eiso/common';

/** ETags of editable resources are their row version: `"3"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Reads the version a client edits from If-Match (strong or weak form); a write without one is refused. */
export function versionFromIfMatch(header: string | undefined): number {
  if (!header) throw new DomainException(ErrorCode.PreconditionRequired);
  const match = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(header);
  if (!match) throw new DomainException(ErrorCode.PreconditionFailed, { ifMatch: header });
  return Number(match[1]);
}
