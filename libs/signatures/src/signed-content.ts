import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import { SignatureMeaning } from './signature-meaning';

/** The canonical content of a signed thing, as its domain describes it: plain JSON values. */
export type SignedContent = Readonly<Record<string, unknown>>;

/** The facts of the act itself, hashed together with the content. */
export interface SigningAct {
  meaning: SignatureMeaning;
  signerId: string;
  signedAt: Date;
}

const ACT_KEYS: readonly string[] = ['meaning', 'signerId', 'signedAt'];

/**
 * sha256 over a canonical serialization (keys sorted at every level, no whitespace) of the content
 * with the meaning, the signer and the time beside it. The serialization is the one documents and
 * disposals have always used, so every signature made before this library still verifies.
 */
export function signatureHash(content: SignedContent, act: SigningAct): string {
  const clash = ACT_KEYS.find((key) => key in content);
  if (clash) throw new Error(`Signed content may not carry "${clash}": the signature adds it`);
  const canonical = stringify({
    ...content,
    meaning: act.meaning,
    signerId: act.signerId,
    signedAt: act.signedAt.toISOString(),
  });
  return createHash('sha256')
    .update(canonical ?? '', 'utf8')
    .digest('hex');
}

/**
 * Whether a stored signature's hash still matches the content recomputed from what is stored now:
 * false when what it covered has changed since. The signer's password plays no part.
 */
export function signatureVerifies(
  signature: SigningAct & { contentHash: string },
  content: SignedContent,
): boolean {
  return signatureHash(content, signature) === signature.contentHash;
}
