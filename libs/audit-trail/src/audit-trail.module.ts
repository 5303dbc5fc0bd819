import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEventAgencyTransfer } from './audit-event.agency-transfer';
import { AuditEventEntity } from './audit-event.entity';
import { AuditEventRepository } from './audit-event.repository';
import { AuditTrailService } from './audit-trail.service';
import { AuditVisibilityRegistry } from './audit-visibility.registry';
import { VerifyChainJobHandler } from './verify-chain.job-handler';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity]), DiscoveryModule],
  providers: [
    AuditEventRepository,
    AuditVisibilityRegistry,
    AuditTrailService,
    VerifyChainJobHandler,
    AuditEventAgencyTransfer,
  ],
  exports: [AuditTrailService, AuditVisibilityRegistry],
})
export class AuditTrailModule {}
