export * from './content.module';
export * from './content-index.service';
export * from './content-state';
export * from './content.messages';
export * from './file-content.entity';
export { ConverterKind, DocumentConverter } from './conversion';
export * from './content.views';
