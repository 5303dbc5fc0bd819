import type { AuditRecord } from '@eiso/audit-trail';
import { addMonths, DomainException, ErrorCode } from '@eiso/common';
import { Db } from '@eiso/database';
import { VersionState } from './document-type';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentVersionRepository } from './document-version.repository';
import { DocumentEntity } from './document.entity';
import { nextState, VersionAction } from './version-state-machine';

/**
 * Retires what an issue (or a scheduled version coming into force) leaves behind, under the
 * document's row lock: older approved versions, which can now never be issued, and an older
 * scheduled version, which can now never come into force, become superseded; so does the
 * effective version, unless `keepEffective` (an issue dated in the future leaves the version in
 * force alone until its date). A newer effective or scheduled version refuses the issue (409).
 * Gives back the retired versions and their `document_version.superseded` audit events, for the
 * caller to record with its own event.
 */
export async function retireOlderVersions(
  db: Db,
  versions: DocumentVersionRepository,
  document: DocumentEntity,
  version: DocumentVersionEntity,
  options: { keepEffective: boolean; now: Date },
): Promise<{ retired: DocumentVersionEntity[]; events: AuditRecord[] }> {
  const retired: DocumentVersionEntity[] = [];
  const others = await versions.findByStates(db, document.id, [
    VersionState.Effective,
    VersionState.Scheduled,
    VersionState.Approved,
  ]);
  for (const other of others) {
    if (other.id === version.id) continue;
    if (other.revision > version.revision) {
      if (other.state === VersionState.Approved) continue;
      throw new DomainException(ErrorCode.DocumentVersionOutdated, {
        [other.state === VersionState.Effective ? 'effectiveVersionId' : 'scheduledVersionId']: other.id,
      });
    }
    if (other.state === VersionState.Effective && options.keepEffective) continue;
    other.state = nextState(other.state, VersionAction.Supersede);
    other.supersededAt = options.now;
    await versions.save(db, other);
    if (document.scheduledVersionId === other.id) document.scheduledVersionId = null;
    retired.push(other);
  }
  return { retired, events: retired.map((s) => supersededEvent(document, s, version)) };
}

function supersededEvent(
  document: DocumentEntity,
  retired: DocumentVersionEntity,
  by: DocumentVersionEntity,
): AuditRecord {
  return {
    agencyId: document.agencyId,
    entityType: 'document_version',
    entityId: retired.id,
    action: 'document_version.superseded',
    after: { supersededBy: by.id, state: retired.state },
  };
}

/** The document row follows the version now in force: its title, clauses, codes and review date. */
export function putInForce(document: DocumentEntity, version: DocumentVersionEntity): void {
  document.currentVersionId = version.id;
  if (document.scheduledVersionId === version.id) document.scheduledVersionId = null;
  document.status = 'active';
  document.title = version.title;
  document.isoClauses = version.isoClauses;
  document.tthcCodes = version.tthcCodes;
  document.nextReviewDate = addMonths(version.effectiveFrom!, document.reviewIntervalMonths);
}
