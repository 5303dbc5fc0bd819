import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '@eiso/common';
import { AppConfig } from './app-config';

/** Provides the validated AppConfig, and the clock, to every module. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useValue: clock },
      ],
      exports: [AppConfig, Clock],
    };
  }
}
