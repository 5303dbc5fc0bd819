import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditTrailModule } from '@eiso/audit-trail';
import { Clock } from '@eiso/common';
import { AppConfig, ConfigModule, SecretsModule, withLogDestination } from '@eiso/config';
import { IdentityModule, SIGNING_SECRET } from '@eiso/identity';
import { AgencyTransferModule, DatabaseModule } from '@eiso/database';
import { NotificationsModule } from '@eiso/notifications';
import { DocumentsModule } from '@eiso/documents';
import { JobsModule } from '@eiso/jobs';
import { RecordsModule } from '@eiso/records';
import { AuditsModule } from '@eiso/audits';
import { CapaModule } from '@eiso/capa';
// --- objectives ---
import { ObjectivesModule } from '@eiso/objectives';
// --- risks ---
import { RisksModule } from '@eiso/risks';
// --- management reviews ---
import { ManagementReviewsModule } from '@eiso/management-reviews';
// --- conformity ---
import { ConformityModule } from '@eiso/conformity';
import { ContentModule } from '@eiso/content';
import { OrganizationsModule } from '@eiso/organizations';
import { QueueModule } from '@eiso/queue';
import { OrphanSweepModule, StorageModule } from '@eiso/storage';

export interface WorkerRuntime {
  config: AppConfig;
  databaseUrl: string;
  signingSecret: string;
  clock?: Clock;
}

/**
 * The worker: BullMQ processors and the modules whose job handlers they dispatch to; no HTTP.
 * Every domain module that declares a @JobHandler is imported here, or the start-up check fails.
 */
@Module({})
export class WorkerModule {
  static forRoot(runtime: WorkerRuntime): DynamicModule {
    const { config } = runtime;
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config, runtime.clock),
        SecretsModule.forRoot([{ token: SIGNING_SECRET, value: runtime.signingSecret }]),
        LoggerModule.forRoot({
          // No HTTP here: the lines are the jobs' own, printed as the API prints its lines.
          pinoHttp: withLogDestination(
            { level: config.LOG_LEVEL, messageKey: 'message' },
            config,
            process.stdout.isTTY === true,
          ),
        }),
        // Jobs (retention over a million records) get the long job bounds, not a request's.
        DatabaseModule.forRoot(runtime.databaseUrl, config.DATABASE_POOL_SIZE, config.jobDatabaseTimeouts),
        StorageModule.forRoot({ linkSecret: { useValue: runtime.signingSecret } }),
        QueueModule.forRoot({ config, runWorkers: true }),
        // Every run kept in job_run; missed schedules caught up at start.
        JobsModule.forRoot({ catchUpAtStart: true }),
        AuditTrailModule,
        // The same start-up check as the API's: so every owner of agency_id rows is imported here.
        AgencyTransferModule,
        IdentityModule,
        OrganizationsModule,
        NotificationsModule,
        DocumentsModule,
        RecordsModule,
        CapaModule,
        // --- objectives ---
        ObjectivesModule,
        // --- risks ---
        RisksModule,
        // --- management reviews (no job handler: its agency_id tables need its transfer step here) ---
        ManagementReviewsModule,
        // --- conformity (no job handler: its agency_id table needs its transfer step here) ---
        ConformityModule,
        AuditsModule,
        // Renditions and text of stored files (content.render, content.extract, content.catch-up).
        ContentModule,
        OrphanSweepModule,
      ],
    };
  }
}
