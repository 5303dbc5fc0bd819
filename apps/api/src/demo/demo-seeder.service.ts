import { randomBytes, randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Actor, Role, systemActor } from '@eiso/common';
import { AppConfig } from '@eiso/config';
import { UsersService, UserView } from '@eiso/identity';
import {
  AgenciesService,
  AgencyImportService,
  AgencyLevel,
  AgencyView,
  OrgUnitsService,
} from '@eiso/organizations';
import { RecordTypesService } from '@eiso/records';
import { DEMO_MESSAGES } from './demo.messages';
import { DEMO_PROVINCE, withDemoHeadings } from './demo-agency-headings';
import {
  DEMO_ACCOUNTS,
  DEMO_AGENCY_LIST,
  DEMO_AGENCY_NAME,
  DEMO_ORG_UNITS,
  DEMO_RECORD_TYPES,
  DemoOrgUnit,
  OVERSEER_AGENCY_NAME,
} from './demo-province';
import { packageRoot } from './package-root';

/**
 * Embedded profile, empty database: loads the demo province through the same services an
 * administrator would use, so everything it creates is on the audit trail as the system's work.
 * main calls it after the app has started (the first admin exists: an empty user table is what
 * creates it) and before the port opens, so a ready API has its demo accounts.
 */
@Injectable()
export class DemoSeederService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly agencies: AgenciesService,
    private readonly agencyImport: AgencyImportService,
    private readonly orgUnits: OrgUnitsService,
    private readonly users: UsersService,
    private readonly recordTypes: RecordTypesService,
  ) {}

  /** Seeds once: an existing agency means the database is in use, and nothing is added. */
  async seedIfEmpty(): Promise<void> {
    if (!this.config.seedsDemoProvince) return;
    const system: Actor = { ...systemActor('demo-seed'), roles: [Role.Admin] };
    const existing = await this.agencies.list(system, { page: 1, pageSize: 1 });
    if (existing.total > 0) return;
    await this.seed(system);
  }

  private async seed(system: Actor): Promise<void> {
    // The province heads the tree: it is every listed agency's governing body and gives the place.
    const province = await this.agencies.create(system, DEMO_PROVINCE);
    const csv = withDemoHeadings(await readFile(join(packageRoot(), DEMO_AGENCY_LIST)));
    const summary = await this.agencyImport.importCsv(system, csv, { parentId: province.id });
    const demo = await this.findAgency(system, DEMO_AGENCY_NAME);
    const overseer = await this.findAgency(system, OVERSEER_AGENCY_NAME);
    const units = {} as Record<DemoOrgUnit, string>;
    for (const [key, unit] of Object.entries(DEMO_ORG_UNITS) as [
      DemoOrgUnit,
      { name: string; code: string },
    ][]) {
      units[key] = (await this.orgUnits.create(system, demo.id, unit)).id;
    }
    const generated = this.config.EISO_DEMO_PASSWORD ? null : demoPassword();
    const password = this.config.EISO_DEMO_PASSWORD ?? generated!;
    const created: UserView[] = [];
    for (const account of DEMO_ACCOUNTS) {
      created.push(
        await this.users.create(system, {
          username: account.username,
          fullName: account.fullName,
          position: account.position,
          password,
          roles: account.roles,
          agencyId: account.agency === 'demo' ? demo.id : overseer.id,
          orgUnitId: account.orgUnit ? units[account.orgUnit] : null,
          // The demo password is published for trying every role; nobody's own secret.
          temporaryPassword: false,
        }),
      );
    }
    // The Danh mục hồ sơ is the ISO secretary's to keep: it is created in their name.
    const secretary = created.find((u) => u.roles.includes(Role.IsoSecretary))!;
    const asSecretary: Actor = {
      userId: secretary.id,
      username: secretary.username,
      agencyId: demo.id,
      orgUnitId: secretary.orgUnitId,
      roles: [Role.IsoSecretary],
      requestId: 'demo-seed',
    };
    for (const type of DEMO_RECORD_TYPES) {
      await this.recordTypes.create(asSecretary, { ...type, responsibleOrgUnitId: units.judicial });
    }
    this.logger.warn(
      DEMO_MESSAGES.seeded(summary.created, demo.name, DEMO_ACCOUNTS, generated ? password : null),
    );
  }

  private async findAgency(actor: Actor, name: string): Promise<AgencyView> {
    const page = await this.agencies.list(actor, {
      q: name,
      level: AgencyLevel.ProvinceDepartment,
      page: 1,
      pageSize: 20,
    });
    const agency = page.items.find((a) => a.name === name);
    if (!agency) throw new Error(DEMO_MESSAGES.agencyMissing(name));
    return agency;
  }
}

/** Letters and digits, as the password rule wants, and unguessable. */
function demoPassword(): string {
  return `Demo${randomInt(10, 100)}-${randomBytes(6).toString('base64url')}`;
}
