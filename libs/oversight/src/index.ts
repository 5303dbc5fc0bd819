export * from './oversight.module';
export * from './oversight.service';
export * from './oversight.query';
export * from './oversight-row';
export * from './oversight.messages';
export * from './inspection-pack.service';
