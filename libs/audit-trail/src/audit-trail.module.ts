import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEventEntity } from './audit-event.entity';
import { AuditEventRepository } from './audit-event.repository';
import { AuditTrailService } from './audit-trail.service';
import { VerifyChainJobHandler } from './verify-chain.job-handler';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity])],
  providers: [AuditEventRepository, AuditTrailService, VerifyChainJobHandler],
  exports: [AuditTrailService],
})
export class AuditTrailModule {}
