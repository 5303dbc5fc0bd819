import { Injectable } from '@nestjs/common';
import { Actor, Permission } from '@eiso/common';
import { AuditSubject, AuditVisibility, AuditVisibilityOf, visibleByPermission } from '@eiso/audit-trail';
import { Db } from '@eiso/database';

/** The permission that reads each entity type through the organizations routes. */
const READ: Readonly<Record<string, Permission>> = {
  agency: Permission.AgencyRead,
  org_unit: Permission.OrgUnitRead,
  agency_import: Permission.AgencyImport,
};

/**
 * Agencies and org units are read by who may read them through their routes: a system admin
 * everywhere, an agency's members in their own agency.
 */
@Injectable()
@AuditVisibilityOf(...Object.keys(READ))
export class OrganizationAuditVisibility implements AuditVisibility {
  visibleSubjects(
    _db: Db,
    actor: Actor,
    entityType: string,
    subjects: readonly AuditSubject[],
  ): Promise<boolean[]> {
    return visibleByPermission(actor, READ[entityType], subjects, true);
  }
}
