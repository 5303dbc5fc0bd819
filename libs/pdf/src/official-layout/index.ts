export * from './official-document';
export * from './official-lines';
export * from './official-columns';
export * from './official-header.block';
export * from './official-closing.block';
export * from './flowing-document';
