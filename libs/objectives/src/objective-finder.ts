import { Injectable } from '@nestjs/common';
import { Actor, DomainException, ErrorCode } from '@eiso/common';
import { Db } from '@eiso/database';
import { ObjectiveMeasurementEntity } from './objective-measurement.entity';
import { ObjectiveEntity } from './objective.entity';
import { ObjectiveRepository } from './objective.repository';

/** Objectives are agency-internal: another agency's answer 404 like ones that do not exist. */
@Injectable()
export class ObjectiveFinder {
  constructor(private readonly repository: ObjectiveRepository) {}

  async objective(db: Db, actor: Actor, id: string, lock = false): Promise<ObjectiveEntity> {
    const o = lock ? await this.repository.findByIdForUpdate(db, id) : await this.repository.findById(db, id);
    if (!o || !actor.agencyId || o.agencyId !== actor.agencyId) {
      throw new DomainException(ErrorCode.ObjectiveNotFound);
    }
    return o;
  }

  /** A measurement of this objective (404 when it belongs to another). */
  async measurement(
    db: Db,
    objective: ObjectiveEntity,
    measurementId: string,
    lock = false,
  ): Promise<ObjectiveMeasurementEntity> {
    const m = lock
      ? await this.repository.findMeasurementForUpdate(db, measurementId)
      : await this.repository.findMeasurement(db, measurementId);
    if (!m || m.objectiveId !== objective.id)
      throw new DomainException(ErrorCode.ObjectiveMeasurementNotFound);
    return m;
  }
}

/** The agency whose objectives the actor works on; none for users outside every agency. */
export function objectiveAgencyOf(actor: Actor): string {
  if (!actor.agencyId) throw new DomainException(ErrorCode.Forbidden);
  return actor.agencyId;
}
