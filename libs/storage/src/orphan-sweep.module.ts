import { Module } from '@nestjs/common';
import { ObjectReferenceRepository } from './object-reference.repository';
import { OrphanSweepService } from './orphan-sweep.service';
import { SweepOrphansJobHandler } from './sweep-orphans.job-handler';

/**
 * The daily `storage.sweep-orphans` job. Imported by the worker, which runs it, and by the API,
 * whose in-process queue runs it on the embedded profile.
 */
@Module({
  providers: [ObjectReferenceRepository, OrphanSweepService, SweepOrphansJobHandler],
  exports: [OrphanSweepService],
})
export class OrphanSweepModule {}
