export * from './choose-converter';
export * from './document-converter';
export * from './gotenberg.converter';
export * from './no.converter';
export * from './soffice.converter';
