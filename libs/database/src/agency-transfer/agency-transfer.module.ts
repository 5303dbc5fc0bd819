import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AgencyTransferBootCheck } from './agency-transfer.boot-check';
import { AgencyTransferRegistry } from './agency-transfer.registry';

/**
 * The registry of agency transfer steps and its start-up check. Imported by the API and the
 * worker, and by the restructuring above the domains (never by a domain: a domain only declares
 * its step with `@AgencyTransfer()`).
 */
@Module({
  imports: [DiscoveryModule],
  providers: [AgencyTransferRegistry, AgencyTransferBootCheck],
  exports: [AgencyTransferRegistry],
})
export class AgencyTransferModule {}
