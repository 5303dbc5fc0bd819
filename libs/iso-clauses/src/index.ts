export * from './iso-clauses.module';
export * from './iso-clause-directory';
export * from './iso-clause.views';
export { IsoClausesService } from './iso-clauses.service';
