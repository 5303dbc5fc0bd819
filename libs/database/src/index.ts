export * from './database.module';
export * from './data-source-options';
export * from './run-migrations';
export * from './transaction.runner';
export * from './embedded/embedded-postgres';
export * from './unique-violation';
export * from './embedded/embedded-backup';
