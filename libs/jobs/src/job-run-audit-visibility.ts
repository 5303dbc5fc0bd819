import { Injectable } from '@nestjs/common';
import { Actor, JobName, Permission } from '@eiso/common';
import {
  AuditSubject,
  AuditVisibility,
  AuditVisibilityOf,
  namesByUuid,
  visibleByPermission,
} from '@eiso/audit-trail';
import { Db } from '@eiso/database';
import { JobRunRepository } from './job-run.repository';
import { JOB_LABELS } from './jobs.messages';

/** Runs of jobs are system administration: read by who may see them (the system admin). */
@Injectable()
@AuditVisibilityOf('job_run')
export class JobRunAuditVisibility implements AuditVisibility {
  constructor(private readonly runs: JobRunRepository) {}

  visibleSubjects(
    _db: Db,
    actor: Actor,
    _entityType: string,
    subjects: readonly AuditSubject[],
  ): Promise<boolean[]> {
    return visibleByPermission(actor, Permission.JobRead, subjects, true);
  }

  /** The job's label and name: "Kiểm tra tính toàn vẹn… (audit.verify-chain)". */
  subjectNames(db: Db, _entityType: string, entityIds: readonly string[]): Promise<(string | null)[]> {
    return namesByUuid(entityIds, async (ids) =>
      [...(await this.runs.jobNamesOf(db, ids))].map(
        ([id, job]) => [id, `${JOB_LABELS[job as JobName] ?? job} (${job})`] as const,
      ),
    );
  }
}
