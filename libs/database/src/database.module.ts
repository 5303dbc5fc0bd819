import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DatabaseTimeouts, dataSourceOptions, REQUEST_TIMEOUTS } from './data-source-options';
import { retryFirstStatementOnLostConnection } from './lost-connection-retry';
import { TransactionRunner } from './transaction.runner';

/**
 * TypeORM on the resolved database URL (real PostgreSQL, or PGlite behind its socket), with the
 * timeouts of the process's kind of work: the API's requests, or the worker's and CLI's jobs.
 * A first statement that meets a connection that died idle in the pool is tried once more.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(
    url: string,
    poolSize: number,
    timeouts: DatabaseTimeouts = REQUEST_TIMEOUTS,
  ): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(url, poolSize, timeouts), autoLoadEntities: true }),
          dataSourceFactory: (options) =>
            retryFirstStatementOnLostConnection(new DataSource(options!)).initialize(),
        }),
      ],
      providers: [TransactionRunner],
      exports: [TransactionRunner],
    };
  }
}
