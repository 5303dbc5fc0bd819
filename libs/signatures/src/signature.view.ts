import { SignatureEntity } from './signature.entity';

/** The facts of a signature as every domain answers them: who, as whom, when, over what. */
export interface SignatureFacts {
  signerId: string;
  signerName: string;
  signerPosition: string | null;
  signerRole: string;
  signedAt: string;
  contentHash: string;
  /** When the signer's password had last been set at signing; null if signed before it was kept. */
  passwordSetAt: string | null;
}

export function toSignatureFacts(s: SignatureEntity): SignatureFacts {
  return {
    signerId: s.signerId,
    signerName: s.signerName,
    signerPosition: s.signerPosition,
    signerRole: s.signerRole,
    signedAt: s.signedAt.toISOString(),
    contentHash: s.contentHash,
    passwordSetAt: s.signerPasswordSetAt ? s.signerPasswordSetAt.toISOString() : null,
  };
}
