import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@eiso/migrations';

export const MIGRATIONS_TABLE = 'schema_migrations';

/** Connection options shared by the app, the migration command and the tests. Never synchronize. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    installExtensions: false,
    extra: { max: poolSize },
  };
}
