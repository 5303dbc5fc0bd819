export * from './iso-clauses.module';
export * from './iso-clause-directory';
