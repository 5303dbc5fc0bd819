import { Injectable, INestApplicationContext, Module, Provider } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { Actor, Role, systemActor } from '@eiso/common';
import type { Db } from '@eiso/database';
import { AuditSubject, AuditVisibility, AuditVisibilityOf } from './audit-visibility';
import { AuditEventRef, AuditVisibilityRegistry } from './audit-visibility.registry';

/** Sees the subjects whose id starts with "open", and records every call it gets. */
@Injectable()
@AuditVisibilityOf('document', 'document_version')
class OpenPrefixRule implements AuditVisibility {
  readonly calls: { entityType: string; subjects: AuditSubject[] }[] = [];
  visibleSubjects(_db: Db, _actor: Actor, entityType: string, subjects: readonly AuditSubject[]) {
    this.calls.push({ entityType, subjects: [...subjects] });
    return Promise.resolve(subjects.map((s) => s.entityId.startsWith('open')));
  }
}

@Injectable()
@AuditVisibilityOf('document')
class CompetingRule implements AuditVisibility {
  visibleSubjects(_db: Db, _actor: Actor, _type: string, subjects: readonly AuditSubject[]) {
    return Promise.resolve(subjects.map(() => true));
  }
}

const admin: Actor = { ...systemActor('test'), userId: 'a', username: 'admin', roles: [Role.Admin] };
const db = {} as Db;

async function boot(providers: Provider[]): Promise<INestApplicationContext> {
  @Module({ imports: [DiscoveryModule], providers: [AuditVisibilityRegistry, ...providers] })
  class RegistryTestModule {}
  return NestFactory.createApplicationContext(RegistryTestModule, { logger: false, abortOnError: false });
}

const event = (
  id: string,
  entityType: string,
  entityId: string,
  agencyId: string | null = 'ag',
): AuditEventRef => ({
  id,
  entityType,
  entityId,
  agencyId,
});

describe('AuditVisibilityRegistry', () => {
  it('asks each rule once per entity type, with each subject once, and redacts unknown types', async () => {
    const app = await boot([OpenPrefixRule]);
    const visible = await app
      .get(AuditVisibilityRegistry)
      .visibleEvents(db, admin, [
        event('e1', 'document', 'open-1'),
        event('e2', 'document', 'open-1'),
        event('e3', 'document', 'closed-1'),
        event('e4', 'document_version', 'open-v'),
        event('e5', 'document_version', 'closed-v'),
        event('e6', 'unheard_of', 'open-x'),
      ]);
    expect([...visible].sort()).toEqual(['e1', 'e2', 'e4']);
    expect(app.get(OpenPrefixRule).calls).toEqual([
      {
        entityType: 'document',
        subjects: [
          { entityId: 'open-1', agencyId: 'ag' },
          { entityId: 'closed-1', agencyId: 'ag' },
        ],
      },
      {
        entityType: 'document_version',
        subjects: [
          { entityId: 'open-v', agencyId: 'ag' },
          { entityId: 'closed-v', agencyId: 'ag' },
        ],
      },
    ]);
    expect(app.get(AuditVisibilityRegistry).entityTypes()).toEqual(['document', 'document_version']);
    await app.close();
  });

  it('makes no call for an empty page', async () => {
    const app = await boot([OpenPrefixRule]);
    expect(await app.get(AuditVisibilityRegistry).visibleEvents(db, admin, [])).toEqual(new Set());
    expect(app.get(OpenPrefixRule).calls).toEqual([]);
    await app.close();
  });

  it('refuses to start with two rules for one entity type', async () => {
    const error: unknown = await boot([OpenPrefixRule, CompetingRule]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(String(error)).toContain('"document" has two visibility rules');
  });
});
