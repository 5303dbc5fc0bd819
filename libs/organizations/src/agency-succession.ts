import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainException, ErrorCode } from '@eiso/common';
import { Db } from '@eiso/database';
import { AgencyStatus } from './agency-level';
import { AgencyEntity } from './agency.entity';
import { AgencyRepository } from './agency.repository';

/**
 * The organizations domain's part of a restructuring (merge, rename, dissolve of the 2025
 * reform), in the caller's transaction: the agencies locked and checked, a successor created,
 * children hung under the successor, the old agencies marked merged or dissolved with their
 * successor and the day they ended. Rows are never deleted: the old agency stays, with its name,
 * for every historical item that names it.
 */
@Injectable()
export class AgencySuccession {
  constructor(private readonly agencies: AgencyRepository) {}

  /** The agencies, locked, in the order asked; 404 for an unknown id, 422 for one no longer active. */
  async lockActive(db: Db, ids: readonly string[]): Promise<AgencyEntity[]> {
    await this.agencies.lockHierarchy(db);
    const rows: AgencyEntity[] = await db
      .getRepository(AgencyEntity)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getMany();
    const byId = new Map(rows.map((a) => [a.id, a]));
    return ids.map((id) => {
      const agency = byId.get(id);
      if (!agency) throw new DomainException(ErrorCode.AgencyNotFound, { agencyId: id });
      if (agency.status !== AgencyStatus.Active) {
        throw new DomainException(ErrorCode.AgencyRestructureInvalid, {
          agencyId: id,
          message: `Cơ quan "${agency.name}" không còn hoạt động (đã sáp nhập hoặc giải thể).`,
        });
      }
      return agency;
    });
  }

  /** A new agency taking over from `template` under a new name (a rename): same place in the tree. */
  async createSuccessor(
    db: Db,
    template: AgencyEntity,
    name: string,
    validFrom: string,
    at: Date,
  ): Promise<AgencyEntity> {
    const successor: AgencyEntity = {
      ...template,
      id: randomUUID(),
      // The code is unique: the old agency keeps it; the successor is given its own later.
      code: null,
      name,
      status: AgencyStatus.Active,
      successorId: null,
      validFrom,
      validTo: null,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    await this.agencies.insert(db, successor);
    return successor;
  }

  /** The agencies directly under `fromIds` now hang under `toId`; answers how many moved. */
  async reparentChildren(db: Db, fromIds: readonly string[], toId: string, at: Date): Promise<number> {
    const rows: { n: number }[] = await db.query(
      `WITH moved AS (
         UPDATE agency SET parent_id = $2, updated_at = $3, version = version + 1
          WHERE parent_id = ANY($1::uuid[]) AND id <> $2 RETURNING 1
       ) SELECT count(*)::int AS n FROM moved`,
      [fromIds, toId, at],
    );
    return rows[0].n;
  }

  /** Marks `agency` merged or dissolved into `successorId`, ended the day before `effectiveDate`. */
  async retire(
    db: Db,
    agency: AgencyEntity,
    status: AgencyStatus.Merged | AgencyStatus.Dissolved,
    successorId: string,
    effectiveDate: string,
    at: Date,
  ): Promise<void> {
    await db.query(
      `UPDATE agency SET status = $2, successor_id = $3, valid_to = $4::date - 1,
              updated_at = $5, version = version + 1
        WHERE id = $1`,
      [agency.id, status, successorId, effectiveDate, at],
    );
  }
}
