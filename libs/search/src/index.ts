export * from './search.module';
export * from './search.service';
export * from './search.views';
export * from './search-query';
export * from './snippet';
export {
  documentHitsQuery,
  recordHitsQuery,
  type SearchSql,
  type DocumentHitsFilter,
  type RecordHitsFilter,
} from './search.queries';
