import { Injectable, INestApplicationContext, Module, Provider, Type } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { Actor, Role, systemActor } from '@eiso/common';
import type { Db } from '@eiso/database';
import { AuditActorNames } from './audit-actor-names';
import { AuditSubject, AuditVisibility, AuditVisibilityOf } from './audit-visibility';
import { AuditEventRef, AuditVisibilityRegistry } from './audit-visibility.registry';

/**
 * Sees the subjects whose id starts with "open", names those but "open-nameless", and records
 * every call it gets.
 */
@Injectable()
@AuditVisibilityOf('document', 'document_version')
class OpenPrefixRule implements AuditVisibility {
  readonly calls: { entityType: string; subjects: AuditSubject[] }[] = [];
  readonly nameCalls: { entityType: string; ids: string[] }[] = [];
  visibleSubjects(_db: Db, _actor: Actor, entityType: string, subjects: readonly AuditSubject[]) {
    this.calls.push({ entityType, subjects: [...subjects] });
    return Promise.resolve(subjects.map((s) => s.entityId.startsWith('open')));
  }
  subjectNames(_db: Db, entityType: string, ids: readonly string[]) {
    this.nameCalls.push({ entityType, ids: [...ids] });
    return Promise.resolve(ids.map((id) => (id === 'open-nameless' ? null : `${entityType}:${id}`)));
  }
}

/** A rule written before subjects had names. */
@Injectable()
class NamelessRule {
  visibleSubjects(_db: Db, _actor: Actor, _type: string, subjects: readonly AuditSubject[]) {
    return Promise.resolve(subjects.map(() => true));
  }
}
AuditVisibilityOf('record')(NamelessRule as unknown as Type<AuditVisibility>);

@Injectable()
@AuditVisibilityOf('document')
class CompetingRule implements AuditVisibility {
  visibleSubjects(_db: Db, _actor: Actor, _type: string, subjects: readonly AuditSubject[]) {
    return Promise.resolve(subjects.map(() => true));
  }
  subjectNames(_db: Db, _type: string, ids: readonly string[]) {
    return Promise.resolve(ids.map(() => null));
  }
}

/** Names each id it is asked about "Người <id>", and records the calls. */
class NamingAccounts implements AuditActorNames {
  readonly calls: string[][] = [];
  fullNamesOf(ids: readonly string[]) {
    this.calls.push([...ids]);
    return Promise.resolve(new Map(ids.map((id) => [id, `Người ${id}`])));
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

  it('names the subjects of the events it is given, one call per entity type, each id once', async () => {
    const app = await boot([OpenPrefixRule]);
    const names = await app
      .get(AuditVisibilityRegistry)
      .subjectNames(db, [
        event('e1', 'document', 'open-1'),
        event('e2', 'document', 'open-1'),
        event('e3', 'document', 'open-nameless'),
        event('e4', 'document_version', 'open-v'),
        event('e5', 'unheard_of', 'open-x'),
      ]);
    expect(Object.fromEntries(names)).toEqual({
      e1: 'document:open-1',
      e2: 'document:open-1',
      e4: 'document_version:open-v',
    });
    expect(app.get(OpenPrefixRule).nameCalls).toEqual([
      { entityType: 'document', ids: ['open-1', 'open-nameless'] },
      { entityType: 'document_version', ids: ['open-v'] },
    ]);
    await app.close();
  });

  it('refuses to start with a rule that cannot name its subjects', async () => {
    const error: unknown = await boot([NamelessRule]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(String(error)).toContain('lacks a visibleSubjects() or subjectNames() method');
  });

  it('refuses to start with two rules for one entity type', async () => {
    const error: unknown = await boot([OpenPrefixRule, CompetingRule]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(String(error)).toContain('"document" has two visibility rules');
  });

  it('names actors through the one AuditActorNames provider, each id once', async () => {
    const accounts = new NamingAccounts();
    const app = await boot([{ provide: AuditActorNames, useValue: accounts }]);
    const names = await app.get(AuditVisibilityRegistry).actorNames(db, ['u1', 'u2', 'u1']);
    expect(Object.fromEntries(names)).toEqual({ u1: 'Người u1', u2: 'Người u2' });
    expect(accounts.calls).toEqual([['u1', 'u2']]);
    await app.close();
  });

  it('names no actor in an application without identity', async () => {
    const app = await boot([]);
    expect(await app.get(AuditVisibilityRegistry).actorNames(db, ['u1'])).toEqual(new Map());
    await app.close();
  });

  it('refuses to start with two AuditActorNames providers', async () => {
    @Module({ providers: [{ provide: AuditActorNames, useValue: new NamingAccounts() }] })
    class SecondIdentity {}
    const error: unknown = await NestFactory.createApplicationContext(
      {
        module: class TwoIdentities {},
        imports: [
          DiscoveryModule,
          SecondIdentity,
          {
            module: class FirstIdentity {},
            providers: [{ provide: AuditActorNames, useValue: new NamingAccounts() }],
          },
        ],
        providers: [AuditVisibilityRegistry],
      },
      { logger: false, abortOnError: false },
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(String(error)).toContain('AuditActorNames is provided more than once');
  });
});
