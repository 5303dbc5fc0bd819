import { DynamicModule, Global, Module } from '@nestjs/common';

/** Makes values resolved before DI (secrets, URLs) injectable everywhere under their tokens. */
@Global()
@Module({})
export class SecretsModule {
  static forRoot(values: { token: symbol | string; value: unknown }[]): DynamicModule {
    const providers = values.map(({ token, value }) => ({ provide: token, useValue: value }));
    return { module: SecretsModule, providers, exports: providers.map((p) => p.provide) };
  }
}
