export * from './app-config';
export * from './load-config';
export * from './config.module';
export * from './signing-secret';
export * from './secrets.module';
export * from './log-format';
