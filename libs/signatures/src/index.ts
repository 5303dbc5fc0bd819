export * from './signatures.module';
export * from './signatures.service';
export * from './signature.entity';
export * from './signature-meaning';
export * from './signature-subject';
export * from './signed-content';
export * from './signature.view';
