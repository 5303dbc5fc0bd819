export * from './conformity.module';
export * from './readiness';
export * from './conformity-readiness.service';
