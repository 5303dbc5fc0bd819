import { DynamicModule, Module } from '@nestjs/common';
import { AuditTrailModule } from '@eiso/audit-trail';
import { AppConfig, ConfigModule } from '@eiso/config';
import { DatabaseModule, LONG_WORK_TIMEOUTS } from '@eiso/database';
import { LoginLockoutModule } from '@eiso/identity';
import { OrganizationsModule } from '@eiso/organizations';

/** What the command line needs: the domain services, no HTTP, no queue. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        // load-sql loads a whole dump in one statement: nothing here is cut short.
        DatabaseModule.forRoot(databaseUrl, 2, LONG_WORK_TIMEOUTS),
        AuditTrailModule,
        OrganizationsModule,
        LoginLockoutModule,
      ],
    };
  }
}
