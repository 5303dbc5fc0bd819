import { Injectable } from '@nestjs/common';
import { AttachmentsService } from '@eiso/attachments';
import { Actor } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { SignaturesService } from '@eiso/signatures';
import { DocumentFinder } from './document-finder';
import { VERSION_STATE_LABELS, VersionState } from './document-type';
import { SignatureView, toSignatureView } from './document.views';
import { versionSignedContent, versionSubject } from './signature-content';
import { versionFiles } from './version-attachment-subject';

/** One signature of a manifest: as it was made, and whether what it covered is still what is stored. */
export interface SignatureManifestEntry extends SignatureView {
  /** The hash recomputed from the stored document, version and files equals the signed one. */
  contentVerified: boolean;
}

/** Every signature of one version, oldest first: who, in which position and role, when, over what. */
export interface SignatureManifest {
  documentId: string;
  code: string;
  versionId: string;
  revision: number;
  issueNumber: number | null;
  state: VersionState;
  stateLabel: string;
  signatures: SignatureManifestEntry[];
}

/**
 * The signature manifest of a version, readable by whoever may read the version. Names and
 * positions are the ones stored at signing, and each hash is recomputed from the stored data: a
 * signer's later password reset, new position or new name changes nothing here.
 */
@Injectable()
export class SignatureManifestService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly attachments: AttachmentsService,
    private readonly finder: DocumentFinder,
    private readonly signatures: SignaturesService,
  ) {}

  async manifest(actor: Actor, documentId: string, versionId: string): Promise<SignatureManifest> {
    const db = this.tx.db;
    const { document, version } = await this.finder.version(db, actor, documentId, versionId);
    const files = await this.attachments.list(db, versionFiles(version.id));
    const signatures = await this.signatures.verify(db, versionSubject(version.id), ({ meaning }) =>
      versionSignedContent({ document, version, files, meaning }),
    );
    return {
      documentId: document.id,
      code: document.code,
      versionId: version.id,
      revision: version.revision,
      issueNumber: version.issueNumber,
      state: version.state,
      stateLabel: VERSION_STATE_LABELS[version.state],
      signatures: signatures.map((s) => ({ ...toSignatureView(s), contentVerified: s.contentVerified })),
    };
  }
}
