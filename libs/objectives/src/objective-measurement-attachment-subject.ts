import { Injectable } from '@nestjs/common';
import {
  AttachmentOwner,
  AttachmentSubject,
  AttachmentSubjectOf,
  AttachmentSubjectRef,
  WritableSubject,
} from '@eiso/attachments';
import { Actor, DomainException, ErrorCode } from '@eiso/common';
import { Db } from '@eiso/database';
import { assertActive, assertMayMeasure } from './objective-duties';
import { ObjectiveRepository } from './objective.repository';
import { ObjectiveFinder } from './objective-finder';

/** The attachment subject type of a measurement's evidence files (and the audit entity type of their events). */
export const OBJECTIVE_MEASUREMENT_ATTACHMENTS = 'objective_measurement';

export function objectiveMeasurementFiles(measurementId: string): AttachmentSubjectRef {
  return { type: OBJECTIVE_MEASUREMENT_ATTACHMENTS, id: measurementId };
}

/**
 * Who sees and changes a measurement's evidence: readers of the agency's objectives see it (404
 * across agencies); the owner unit's heads or a manager of objectives add and remove files while
 * the objective is active.
 */
@Injectable()
@AttachmentSubjectOf(OBJECTIVE_MEASUREMENT_ATTACHMENTS)
export class ObjectiveMeasurementAttachmentSubject implements AttachmentSubject {
  // Objectives stay with their agency on a merger: so does their evidence.
  readonly onAgencyTransfer = 'keep' as const;
  readonly errors = {
    fileNotFound: ErrorCode.ObjectiveFileNotFound,
    fileDeleted: ErrorCode.ObjectiveFileNotFound,
  };
  readonly audit = {
    uploaded: 'objective_measurement_file.uploaded',
    deleted: 'objective_measurement_file.deleted',
  } as const;

  constructor(
    private readonly finder: ObjectiveFinder,
    private readonly repository: ObjectiveRepository,
  ) {}

  async findReadable(db: Db, actor: Actor, measurementId: string): Promise<AttachmentOwner> {
    const m = await this.measurementOf(db, actor, measurementId);
    return { agencyId: m.agencyId };
  }

  async findWritable(db: Db, actor: Actor, measurementId: string, lock: boolean): Promise<WritableSubject> {
    const m = await this.measurementOf(db, actor, measurementId);
    // The objective's row first, as every objective write locks it.
    const objective = await this.finder.objective(db, actor, m.objectiveId, lock);
    assertActive(objective);
    assertMayMeasure(actor, objective);
    return {
      agencyId: m.agencyId,
      keyPrefix: `agency/${m.agencyId}/objectives/${objective.id}/measurements/${m.id}`,
    };
  }

  private async measurementOf(db: Db, actor: Actor, measurementId: string) {
    const m = await this.repository.findMeasurement(db, measurementId);
    if (!m || !actor.agencyId || m.agencyId !== actor.agencyId) {
      throw new DomainException(ErrorCode.ObjectiveMeasurementNotFound);
    }
    return m;
  }
}
