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
import { AuditProgrammeRepository } from './audit-programme.repository';
import { auditNumber } from './audit-team';
import { AuditRepository } from './audit.repository';
import { AuditFindingRepository } from './audit-finding.repository';
import { AUDIT_REPORT_MESSAGES } from './audit-report.messages';
import { AUDIT_MESSAGES } from './audits.messages';

/** The permission that reads each entity type through the audits routes. */
const READ: Readonly<Record<string, Permission>> = {
  audit_programme: Permission.AuditRead,
  audit: Permission.AuditRead,
  audit_checklist_item: Permission.AuditRead,
  audit_finding: Permission.AuditRead,
};

/**
 * Internal audits are agency-internal: their trail, like their routes, is for members of the agency
 * holding AuditRead; neither a system admin nor the overseer reads it. An event is filed under its
 * subject's agency, which never changes.
 */
@Injectable()
@AuditVisibilityOf(...Object.keys(READ))
export class AuditsAuditVisibility implements AuditVisibility {
  constructor(
    private readonly programmes: AuditProgrammeRepository,
    private readonly audits: AuditRepository,
    private readonly findings: AuditFindingRepository,
  ) {}

  visibleSubjects(
    _db: Db,
    actor: Actor,
    entityType: string,
    subjects: readonly AuditSubject[],
  ): Promise<boolean[]> {
    return visibleByPermission(actor, READ[entityType], subjects, false);
  }

  /** A programme by its year, an audit by its number and title, a checklist item by its audit and place. */
  subjectNames(db: Db, entityType: string, entityIds: readonly string[]): Promise<(string | null)[]> {
    return namesByUuid(entityIds, async (ids): Promise<(readonly [string, string])[]> => {
      switch (entityType) {
        case 'audit_programme':
          return (await this.programmes.namesOf(db, ids)).map((p) => [
            p.id,
            AUDIT_MESSAGES.programmeName(p.year),
          ]);
        case 'audit':
          return (await this.audits.namesOf(db, ids)).map((a) => [
            a.id,
            AUDIT_MESSAGES.auditName(auditNumber(a), a.title),
          ]);
        case 'audit_finding':
          return (await this.findings.namesOf(db, ids)).map((f) => [
            f.id,
            AUDIT_REPORT_MESSAGES.findingName(
              auditNumber({ serial: f.audit_serial, year: f.audit_year }),
              f.serial,
              f.statement,
            ),
          ]);
        default:
          return (await this.audits.itemNamesOf(db, ids)).map((i) => [
            i.id,
            AUDIT_MESSAGES.checklist.itemName(auditNumber(i), i.position),
          ]);
      }
    });
  }
}
