import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AuditTrailModule } from '@eiso/audit-trail';
import { Clock } from '@eiso/common';
import { AppConfig, ConfigModule, SecretsModule } from '@eiso/config';
import { AgencyTransferModule, DatabaseModule } from '@eiso/database';
import { AdminBootstrapService, IdentityModule, SIGNING_SECRET } from '@eiso/identity';
import { JobsModule } from '@eiso/jobs';
import { NotificationsModule } from '@eiso/notifications';
import { QueueModule } from '@eiso/queue';
import { OrphanSweepModule, StorageModule } from '@eiso/storage';
import { AgenciesHttpModule } from './agencies/agencies-http.module';
import { AuditEventsController } from './audit-events/audit-events.controller';
import { DemoModule } from './demo/demo.module';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { MeController } from './auth/me.controller';
import { HealthModule } from './health/health.module';
import { JobsHttpModule } from './jobs/jobs-http.module';
import { HttpExceptionFilter } from './http/http-exception.filter';
import { loggerOptions } from './http/logger.options';
import { NfcPipe } from './http/nfc.pipe';
import { createValidationPipe } from './http/validation.pipe';
import { NotificationsHttpModule } from './notifications/notifications-http.module';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module';
import { DocumentsHttpModule } from './documents/documents-http.module';
import { RegistersHttpModule } from './registers/registers-http.module';
import { RecordsHttpModule } from './records/records-http.module';
import { IsoClausesHttpModule } from './iso-clauses/iso-clauses-http.module';
import { AuditsHttpModule } from './audits/audits-http.module';
import { CapaHttpModule } from './capa/capa-http.module';
// --- objectives ---
import { ObjectivesHttpModule } from './objectives/objectives-http.module';
// --- risks ---
import { RisksHttpModule } from './risks/risks-http.module';
import { ConformityHttpModule } from './conformity/conformity-http.module';
import { OversightHttpModule } from './oversight/oversight-http.module';
import { SearchHttpModule } from './search/search-http.module';
// --- management reviews ---
import { ManagementReviewsHttpModule } from './management-reviews/management-reviews-http.module';
import { StorageLinksController } from './storage/storage-links.controller';
import { UsersController } from './users/users.controller';
import { WebAppModule } from './web/web-app.module';

/** What main (or a test) resolved before the module graph is built. */
export interface ApiRuntime {
  config: AppConfig;
  databaseUrl: string;
  signingSecret: string;
  /** Tests pass a fixed clock; production uses the system one. */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(runtime: ApiRuntime): DynamicModule {
    const { config } = runtime;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, runtime.clock),
        LoggerModule.forRoot(loggerOptions(config, process.stdout.isTTY === true)),
        SecretsModule.forRoot([{ token: SIGNING_SECRET, value: runtime.signingSecret }]),
        DatabaseModule.forRoot(
          runtime.databaseUrl,
          config.DATABASE_POOL_SIZE,
          config.requestDatabaseTimeouts,
        ),
        StorageModule.forRoot({ linkSecret: { useValue: runtime.signingSecret } }),
        // The daily orphan sweep's handler: run here by the embedded profile's in-process queue.
        OrphanSweepModule,
        // Enqueue only; on the embedded profile (no Redis) the queue runs the handlers in this process.
        QueueModule.forRoot({ config, runWorkers: false }),
        // Runs of jobs; this process catches up missed schedules when it runs them (embedded).
        JobsModule.forRoot({ catchUpAtStart: true }),
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'login', ttl: 60_000, limit: config.LOGIN_RATE_LIMIT_PER_MINUTE }],
        }),
        AuditTrailModule,
        // Every table with agency_id has a transfer step, or start-up fails.
        AgencyTransferModule,
        IdentityModule,
        NotificationsModule,
        AgenciesHttpModule,
        NotificationsHttpModule,
        DocumentsHttpModule,
        RegistersHttpModule,
        RecordsHttpModule,
        IsoClausesHttpModule,
        CapaHttpModule,
        // --- objectives ---
        ObjectivesHttpModule,
        // --- risks ---
        RisksHttpModule,
        ConformityHttpModule,
        OversightHttpModule,
        SearchHttpModule,
        // --- management reviews ---
        ManagementReviewsHttpModule,
        AuditsHttpModule,
        HealthModule,
        JobsHttpModule,
        QueueDashboardModule.forRoot(config),
        ...(config.seedsDemoProvince ? [DemoModule] : []),
        // Last: the web app's index.html answers only paths no route above claimed.
        WebAppModule.forRoot(),
      ],
      controllers: [
        AuthController,
        MeController,
        UsersController,
        AuditEventsController,
        StorageLinksController,
      ],
      providers: [
        // The API, not the worker, creates the first admin on an empty database.
        AdminBootstrapService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_PIPE, useClass: NfcPipe },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
