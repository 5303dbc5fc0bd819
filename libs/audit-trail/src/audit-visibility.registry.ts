import { Injectable, OnModuleInit, Type } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper';
import type { Actor } from '@eiso/common';
import type { Db } from '@eiso/database';
import { AuditActorNames } from './audit-actor-names';
import { AUDIT_VISIBILITY_METADATA, AuditSubject, AuditVisibility } from './audit-visibility';

/** The fields of an event its visibility depends on. */
export interface AuditEventRef {
  id: string;
  entityType: string;
  entityId: string;
  agencyId: string | null;
}

/**
 * Finds the `@AuditVisibilityOf` rules at start-up (one per entity type, or the boot fails),
 * decides which events of a page their reader may read in full and names their subjects; and
 * finds the one `AuditActorNames` provider, which names the accounts that acted.
 */
@Injectable()
export class AuditVisibilityRegistry implements OnModuleInit {
  private rules = new Map<string, { rule: AuditVisibility; label: string }>();
  private actors: AuditActorNames | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const rules = new Map<string, { rule: AuditVisibility; label: string }>();
    for (const wrapper of this.discovery.getProviders()) {
      const type = classOf(wrapper);
      const entityTypes = type
        ? this.reflector.get<string[] | undefined>(AUDIT_VISIBILITY_METADATA, type)
        : undefined;
      if (!entityTypes) continue;
      const label = `${type?.name ?? String(wrapper.token)} (${wrapper.host?.name ?? '?'})`;
      const instance: unknown = wrapper.instance;
      if (!isRule(instance)) {
        throw new Error(`Audit visibility ${label} lacks a visibleSubjects() or subjectNames() method`);
      }
      for (const entityType of entityTypes) {
        const taken = rules.get(entityType);
        if (taken) {
          throw new Error(
            `Audit entity type "${entityType}" has two visibility rules: ${taken.label} and ${label}`,
          );
        }
        rules.set(entityType, { rule: instance, label });
      }
    }
    this.rules = rules;
    this.actors = this.findActorNames();
  }

  /** Full names of the accounts that acted, by id; none in an application without identity. */
  async actorNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
    if (!this.actors || !ids.length) return new Map();
    return this.actors.fullNamesOf([...new Set(ids)], db);
  }

  private findActorNames(): AuditActorNames | null {
    const found = this.discovery.getProviders().filter((wrapper) => wrapper.token === AuditActorNames);
    if (found.length > 1) {
      const hosts = found.map((wrapper) => wrapper.host?.name ?? '?').join(', ');
      throw new Error(`AuditActorNames is provided more than once: ${hosts}`);
    }
    return (found[0]?.instance as AuditActorNames | undefined) ?? null;
  }

  /** Entity types that have a rule. */
  entityTypes(): string[] {
    return [...this.rules.keys()].sort();
  }

  /**
   * Ids of the events `actor` may read in full: one call per entity type on the page. Events of an
   * entity type without a rule are visible to nobody.
   */
  async visibleEvents(db: Db, actor: Actor, events: readonly AuditEventRef[]): Promise<Set<string>> {
    const byType = new Map<string, AuditEventRef[]>();
    for (const e of events) byType.set(e.entityType, [...(byType.get(e.entityType) ?? []), e]);
    const visible = new Set<string>();
    for (const [entityType, typed] of byType) {
      const found = this.rules.get(entityType);
      if (!found) continue;
      const subjects = new Map<string, AuditSubject>();
      for (const e of typed) subjects.set(subjectKey(e), { entityId: e.entityId, agencyId: e.agencyId });
      const answers = await found.rule.visibleSubjects(db, actor, entityType, [...subjects.values()]);
      const seen = new Set([...subjects.keys()].filter((_, i) => answers[i] === true));
      for (const e of typed) if (seen.has(subjectKey(e))) visible.add(e.id);
    }
    return visible;
  }

  /**
   * The name of each event's subject, by event id: one call per entity type. Pass only events
   * the reader may see (`visibleEvents`); a subject without a name is left out.
   */
  async subjectNames(db: Db, events: readonly AuditEventRef[]): Promise<Map<string, string>> {
    const byType = new Map<string, AuditEventRef[]>();
    for (const e of events) byType.set(e.entityType, [...(byType.get(e.entityType) ?? []), e]);
    const names = new Map<string, string>();
    for (const [entityType, typed] of byType) {
      const found = this.rules.get(entityType);
      if (!found) continue;
      const ids = [...new Set(typed.map((e) => e.entityId))];
      const answers = await found.rule.subjectNames(db, entityType, ids);
      const byId = new Map(ids.map((id, i) => [id, answers[i] ?? null]));
      for (const e of typed) {
        const name = byId.get(e.entityId);
        if (name) names.set(e.id, name);
      }
    }
    return names;
  }
}

function subjectKey(e: AuditSubject): string {
  return `${e.agencyId ?? ''}/${e.entityId}`;
}

// useValue/useFactory providers carry their class on the instance, not on the wrapper.
function classOf(wrapper: InstanceWrapper): Type<unknown> | undefined {
  const instance: unknown = wrapper.instance;
  if (!wrapper.metatype || wrapper.inject) {
    return typeof instance === 'object' && instance !== null
      ? (instance.constructor as Type<unknown>)
      : undefined;
  }
  return wrapper.metatype as Type<unknown>;
}

function isRule(value: unknown): value is AuditVisibility {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<AuditVisibility>).visibleSubjects === 'function' &&
    typeof (value as Partial<AuditVisibility>).subjectNames === 'function'
  );
}
