import { Injectable } from '@nestjs/common';
import { Actor, Permission } from '@eiso/common';
import {
  AuditSubject,
  AuditVisibility,
  AuditVisibilityOf,
  namesByUuid,
  visibleByPermission,
} from '@eiso/audit-trail';
import { Db } from '@eiso/database';
import { RISK_MESSAGES } from './risks.messages';
import { RiskRepository } from './risk.repository';

/**
 * The register is agency-internal (DESIGN §13): its trail, like its routes, is for members of the
 * agency who read risks; neither a system admin nor the overseer reads it.
 */
@Injectable()
@AuditVisibilityOf('risk')
export class RiskAuditVisibility implements AuditVisibility {
  constructor(private readonly risks: RiskRepository) {}

  visibleSubjects(
    _db: Db,
    actor: Actor,
    _entityType: string,
    subjects: readonly AuditSubject[],
  ): Promise<boolean[]> {
    return visibleByPermission(actor, Permission.RiskRead, subjects, false);
  }

  /** A risk by its code and description. */
  subjectNames(db: Db, _entityType: string, entityIds: readonly string[]): Promise<(string | null)[]> {
    return namesByUuid(entityIds, async (ids): Promise<(readonly [string, string])[]> =>
      (await this.risks.namesOf(db, ids)).map((r) => [
        r.id,
        RISK_MESSAGES.name(r.kind, r.serial, r.description),
      ]),
    );
  }
}
