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
import { AgencyRepository } from './agency.repository';
import { OrgUnitRepository } from './org-unit.repository';

/** The permission that reads each entity type through the organizations routes. */
const READ: Readonly<Record<string, Permission>> = {
  agency: Permission.AgencyRead,
  org_unit: Permission.OrgUnitRead,
  agency_import: Permission.AgencyImport,
};

/**
 * Agencies and org units are read by who may read them through their routes: a system admin
 * everywhere, an agency's members in their own agency. They are named by their names; an import
 * has no row of its own, its event tells what it did.
 */
@Injectable()
@AuditVisibilityOf(...Object.keys(READ))
export class OrganizationAuditVisibility implements AuditVisibility {
  constructor(
    private readonly agencies: AgencyRepository,
    private readonly orgUnits: OrgUnitRepository,
  ) {}

  visibleSubjects(
    _db: Db,
    actor: Actor,
    entityType: string,
    subjects: readonly AuditSubject[],
  ): Promise<boolean[]> {
    return visibleByPermission(actor, READ[entityType], subjects, true);
  }

  subjectNames(db: Db, entityType: string, entityIds: readonly string[]): Promise<(string | null)[]> {
    if (entityType === 'agency_import') return Promise.resolve(entityIds.map(() => null));
    const repository = entityType === 'agency' ? this.agencies : this.orgUnits;
    return namesByUuid(entityIds, async (ids) =>
      (await repository.namesOf(db, ids)).map((row) => [row.id, row.name] as const),
    );
  }
}
