import { Injectable } from '@nestjs/common';
import { Clock, JobName, JobPayloads } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { JobHandler, JobHandlerContract, JobOutbox, JobSummary, jobIdOf } from '@eiso/queue';
import { firstJobOf } from './content-index.service';
import { FileContentRepository } from './file-content.repository';

/** A pending row untouched this long has lost its job (or was stored before this lib existed). */
const STALE_AFTER_MS = 15 * 60 * 1000;
/** Rows queued per run; the next run takes the rest. */
const BATCH = 500;

/**
 * Every half hour: queues again the renditions and extractions still owed. The job ids carry the
 * row's generation, so a job still in the queue is not doubled.
 */
@Injectable()
@JobHandler(JobName.ContentCatchUp)
export class CatchUpJobHandler implements JobHandlerContract<JobName.ContentCatchUp> {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly rows: FileContentRepository,
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
  ) {}

  async handle(_payload: JobPayloads[JobName.ContentCatchUp]): Promise<JobSummary> {
    const now = this.clock.now();
    return this.tx.run(async (db) => {
      const stale = await this.rows.findStalePending(db, new Date(now.getTime() - STALE_AFTER_MS), BATCH);
      for (const row of stale) {
        const job = firstJobOf(row);
        const payload = { key: row.sourceKey, generation: row.generation };
        await this.outbox.add(db, job, payload, { jobId: jobIdOf(job, row.sourceKey, row.generation) });
      }
      await this.rows.touch(
        db,
        stale.map((r) => r.sourceKey),
        now,
      );
      return { queued: stale.length };
    });
  }
}
