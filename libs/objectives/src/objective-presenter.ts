import { Injectable } from '@nestjs/common';
import { Clock, todayInVietnam } from '@eiso/common';
import { Db } from '@eiso/database';
import { UserDirectory } from '@eiso/identity';
import { AgencyDirectory } from '@eiso/organizations';
import { ObjectiveMeasurementEntity } from './objective-measurement.entity';
import { periodCount } from './objective-periods';
import { meetsTarget, objectiveStatusOf } from './objective-status';
import { ObjectiveEntity } from './objective.entity';
import { ObjectiveRepository } from './objective.repository';
import {
  ObjectiveDetailView,
  ObjectiveMeasurementView,
  ObjectiveView,
  toMeasurementView,
  toObjectiveView,
} from './objective.views';

/** Builds the answers: status as of today (Vietnam), owner unit names, who entered each figure. */
@Injectable()
export class ObjectivePresenter {
  constructor(
    private readonly repository: ObjectiveRepository,
    private readonly agencies: AgencyDirectory,
    private readonly users: UserDirectory,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return todayInVietnam(this.clock.now());
  }

  /** Summaries of many objectives, in their order, with their measurements' status. */
  async summaries(db: Db, objectives: readonly ObjectiveEntity[]): Promise<ObjectiveView[]> {
    const measurements = await this.repository.measurementsOf(
      db,
      objectives.map((o) => o.id),
    );
    const units = await this.agencies.orgUnitNames([...new Set(objectives.map((o) => o.ownerOrgUnitId))], db);
    const today = this.today();
    return objectives.map((o) =>
      this.summary(
        o,
        measurements.filter((m) => m.objectiveId === o.id),
        units.get(o.ownerOrgUnitId) ?? null,
        today,
      ),
    );
  }

  async detail(db: Db, objective: ObjectiveEntity): Promise<ObjectiveDetailView> {
    const measurements = await this.repository.measurementsOf(db, [objective.id]);
    const units = await this.agencies.orgUnitNames([objective.ownerOrgUnitId], db);
    const names = await this.users.fullNamesOf([...new Set(measurements.map((m) => m.enteredBy))], db);
    return {
      ...this.summary(objective, measurements, units.get(objective.ownerOrgUnitId) ?? null, this.today()),
      measurements: measurements.map((m) =>
        toMeasurementView(m, meetsTarget(objective, m.value), names.get(m.enteredBy) ?? null),
      ),
    };
  }

  async measurement(
    db: Db,
    objective: ObjectiveEntity,
    m: ObjectiveMeasurementEntity,
  ): Promise<ObjectiveMeasurementView> {
    const names = await this.users.fullNamesOf([m.enteredBy], db);
    return toMeasurementView(m, meetsTarget(objective, m.value), names.get(m.enteredBy) ?? null);
  }

  private summary(
    o: ObjectiveEntity,
    measurements: readonly ObjectiveMeasurementEntity[],
    unitName: string | null,
    today: string,
  ): ObjectiveView {
    return toObjectiveView(o, {
      ownerOrgUnitName: unitName,
      status: objectiveStatusOf(o, measurements, today),
      measuredPeriods: new Set(measurements.map((m) => m.period)).size,
      totalPeriods: periodCount(o.frequency),
    });
  }
}
