import { DynamicModule, Module } from '@nestjs/common';
import { AuditTrailModule } from '@eiso/audit-trail';
import { CapaModule } from '@eiso/capa';
// --- objectives ---
import { ObjectivesModule } from '@eiso/objectives';
// --- risks ---
import { RisksModule } from '@eiso/risks';
import { AppConfig, ConfigModule, resolveSigningSecret, SecretsModule } from '@eiso/config';
import { DatabaseModule } from '@eiso/database';
import { DocumentsModule } from '@eiso/documents';
import { SIGNING_SECRET } from '@eiso/identity';
import { JobsModule } from '@eiso/jobs';
import { NotificationsModule } from '@eiso/notifications';
import { QueueModule } from '@eiso/queue';
import { RecordsModule } from '@eiso/records';
import { OrphanSweepModule, StorageModule } from '@eiso/storage';

/**
 * What `run-job` needs: the queue and, for the embedded profile where the job runs in this
 * process, every module with a job handler (as the worker has). On the services profile the job
 * goes to BullMQ and the worker runs it. The command line registers no schedule and catches
 * nothing up: it runs the one job it was asked for.
 */
@Module({})
export class JobsCliModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    const oneJob = Object.assign(new AppConfig(), config, { EISO_SCHEDULER: 'false' });
    const signingSecret = resolveSigningSecret(oneJob);
    return {
      module: JobsCliModule,
      imports: [
        ConfigModule.forRoot(oneJob),
        SecretsModule.forRoot([{ token: SIGNING_SECRET, value: signingSecret }]),
        DatabaseModule.forRoot(databaseUrl, 2, oneJob.jobDatabaseTimeouts),
        StorageModule.forRoot({ linkSecret: { useValue: signingSecret } }),
        QueueModule.forRoot({ config: oneJob, runWorkers: false }),
        JobsModule.forRoot({ catchUpAtStart: false }),
        AuditTrailModule,
        NotificationsModule,
        DocumentsModule,
        RecordsModule,
        CapaModule,
        // --- objectives ---
        ObjectivesModule,
        // --- risks ---
        RisksModule,
        OrphanSweepModule,
      ],
    };
  }
}
