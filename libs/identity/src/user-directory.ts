import { Injectable } from '@nestjs/common';
import { FindOptionsSelect, In } from 'typeorm';
import { AuditActorNames } from '@eiso/audit-trail';
import { Role } from '@eiso/common';
import { Db, TransactionRunner } from '@eiso/database';
import { NotificationRecipients, Recipient } from '@eiso/notifications';
import { UserEntity } from './user.entity';

/** Whom a notifier reaches: an active account of the agency. */
export interface UserContact {
  id: string;
  fullName: string;
  email: string | null;
}

/** What another domain shows of a person: name and chức vụ on a page, unit and roles for rules. */
export interface UserCard {
  id: string;
  username: string;
  fullName: string;
  position: string | null;
  agencyId: string | null;
  orgUnitId: string | null;
  roles: Role[];
  active: boolean;
}

/** People listed by name or through their org unit (a distribution list). */
export interface UserSelection {
  userIds: readonly string[];
  orgUnitIds: readonly string[];
}

const CONTACT_COLUMNS: FindOptionsSelect<UserEntity> = { id: true, fullName: true, email: true };

const CARD_COLUMNS: FindOptionsSelect<UserEntity> = {
  id: true,
  username: true,
  fullName: true,
  position: true,
  agencyId: true,
  orgUnitId: true,
  roles: true,
  active: true,
};

const toContact = (u: UserEntity): UserContact => ({ id: u.id, fullName: u.fullName, email: u.email });

const toCard = (u: UserEntity): UserCard => ({
  id: u.id,
  username: u.username,
  fullName: u.fullName,
  position: u.position,
  agencyId: u.agencyId,
  orgUnitId: u.orgUnitId,
  roles: u.roles,
  active: u.active,
});

/**
 * How every other domain reads people: the identity domain's own queries over its accounts,
 * read-only, one query per call whatever the number of ids (lists stay constant-query). Each
 * method takes the caller's transaction handle when it has one; without it, the plain manager.
 * It also answers the audit trail's and the notifications' questions about accounts: they sit
 * below identity, so they declare the question and IdentityModule registers this as the answer.
 */
@Injectable()
export class UserDirectory implements AuditActorNames, NotificationRecipients {
  constructor(private readonly tx: TransactionRunner) {}

  /** Active accounts of an agency holding a role (of one org unit when given), by id. */
  async withRole(
    agencyId: string,
    role: Role,
    scope: { orgUnitId?: string | null } = {},
    db: Db = this.tx.db,
  ): Promise<UserContact[]> {
    const qb = db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.fullName', 'u.email'])
      .where('u.active AND u.agency_id = :agencyId AND :role = ANY(u.roles)', { agencyId, role });
    if (scope.orgUnitId) qb.andWhere('u.org_unit_id = :orgUnitId', { orgUnitId: scope.orgUnitId });
    return (await qb.orderBy('u.id', 'ASC').getMany()).map(toContact);
  }

  /** Active accounts holding a role in whichever agency (the overseers of the province), by id. */
  async withRoleAnywhere(role: Role, db: Db = this.tx.db): Promise<UserContact[]> {
    const users = await db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.fullName', 'u.email'])
      .where('u.active AND :role = ANY(u.roles)', { role })
      .orderBy('u.id', 'ASC')
      .getMany();
    return users.map(toContact);
  }

  /** The same for many agencies at once: agency id → its active accounts holding the role. */
  async withRoleIn(
    agencyIds: readonly string[],
    role: Role,
    db: Db = this.tx.db,
  ): Promise<Map<string, UserContact[]>> {
    const byAgency = new Map<string, UserContact[]>();
    if (!agencyIds.length) return byAgency;
    const users = await db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.fullName', 'u.email', 'u.agencyId'])
      .where('u.active AND u.agency_id IN (:...agencyIds) AND :role = ANY(u.roles)', {
        agencyIds: [...new Set(agencyIds)],
        role,
      })
      .orderBy('u.id', 'ASC')
      .getMany();
    for (const u of users) {
      const contacts = byAgency.get(u.agencyId!) ?? [];
      contacts.push(toContact(u));
      byAgency.set(u.agencyId!, contacts);
    }
    return byAgency;
  }

  /**
   * The same for many org units of one agency at once, in one query: org unit id → its active
   * accounts holding the role (units with none are left out).
   */
  async withRoleInUnits(
    agencyId: string,
    role: Role,
    orgUnitIds: readonly string[],
    db: Db = this.tx.db,
  ): Promise<Map<string, UserContact[]>> {
    const byUnit = new Map<string, UserContact[]>();
    if (!orgUnitIds.length) return byUnit;
    const users = await db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.fullName', 'u.email', 'u.orgUnitId'])
      .where('u.active AND u.agency_id = :agencyId AND :role = ANY(u.roles)', { agencyId, role })
      .andWhere('u.org_unit_id IN (:...orgUnitIds)', { orgUnitIds: [...new Set(orgUnitIds)] })
      .orderBy('u.id', 'ASC')
      .getMany();
    for (const u of users) {
      const contacts = byUnit.get(u.orgUnitId!) ?? [];
      contacts.push(toContact(u));
      byUnit.set(u.orgUnitId!, contacts);
    }
    return byUnit;
  }

  /** Active accounts listed by id or through their org unit, each once, by id. */
  async activeIn(selection: UserSelection, db: Db = this.tx.db): Promise<UserContact[]> {
    const userIds = [...new Set(selection.userIds)];
    const orgUnitIds = [...new Set(selection.orgUnitIds)];
    if (!userIds.length && !orgUnitIds.length) return [];
    const users = await db.getRepository(UserEntity).find({
      select: CONTACT_COLUMNS,
      where: [
        ...(userIds.length ? [{ active: true, id: In(userIds) }] : []),
        ...(orgUnitIds.length ? [{ active: true, orgUnitId: In(orgUnitIds) }] : []),
      ],
      order: { id: 'ASC' },
    });
    return users.map(toContact);
  }

  /** One account's card; null for an unknown id. */
  async cardOf(userId: string, db: Db = this.tx.db): Promise<UserCard | null> {
    const user = await db.getRepository(UserEntity).findOne({ select: CARD_COLUMNS, where: { id: userId } });
    return user && toCard(user);
  }

  /** Cards of many accounts in one query, by full name then login (unknown ids are left out). */
  async cardsOf(userIds: readonly string[], db: Db = this.tx.db): Promise<UserCard[]> {
    if (!userIds.length) return [];
    const users = await db.getRepository(UserEntity).find({
      select: CARD_COLUMNS,
      where: { id: In([...new Set(userIds)]) },
      order: { fullName: 'ASC', username: 'ASC' },
    });
    return users.map(toCard);
  }

  /** Full names of many accounts in one query: id → name (unknown ids are left out). */
  async fullNamesOf(userIds: readonly string[], db: Db = this.tx.db): Promise<Map<string, string>> {
    if (!userIds.length) return new Map();
    const users = await db
      .getRepository(UserEntity)
      .find({ select: { id: true, fullName: true }, where: { id: In([...new Set(userIds)]) } });
    return new Map(users.map((u) => [u.id, u.fullName]));
  }

  /** Addresses of many accounts in one query, active or not: id → recipient. */
  async recipientsOf(userIds: readonly string[], db: Db = this.tx.db): Promise<Map<string, Recipient>> {
    if (!userIds.length) return new Map();
    const users = await db.getRepository(UserEntity).find({
      select: { id: true, email: true, active: true },
      where: { id: In([...new Set(userIds)]) },
    });
    return new Map(users.map((u) => [u.id, { email: u.email, active: u.active }]));
  }

  /** Whether every one of these accounts belongs to the agency (active or not). */
  async allBelong(agencyId: string, userIds: readonly string[], db: Db = this.tx.db): Promise<boolean> {
    const ids = [...new Set(userIds)];
    if (!ids.length) return true;
    const found = await db.getRepository(UserEntity).countBy({ agencyId, id: In(ids) });
    return found === ids.length;
  }
}
