import { Module } from '@nestjs/common';
import { ObjectReferenceRepository } from './object-reference.repository';
import { OrphanSweepService } from './orphan-sweep.service';

/** The start-up sweep of orphaned local-disk objects. Imported by the API only: one process sweeps. */
@Module({ providers: [ObjectReferenceRepository, OrphanSweepService], exports: [OrphanSweepService] })
export class OrphanSweepModule {}
