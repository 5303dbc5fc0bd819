import { Module } from '@nestjs/common';
import { AuditsModule } from '@eiso/audits';
import { AuditChecklistController } from './audit-checklist.controller';
import { AuditProgrammesController } from './audit-programmes.controller';
import { AuditsController } from './audits.controller';
import { AuditFindingsController } from './audit-findings.controller';
import { AuditReportController } from './audit-report.controller';

@Module({
  imports: [AuditsModule],
  controllers: [
    // --- controllers ---
    AuditFindingsController,
    AuditReportController,
    AuditProgrammesController,
    AuditsController,
    AuditChecklistController,
  ],
})
export class AuditsHttpModule {}
