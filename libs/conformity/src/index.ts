export * from './conformity.module';
export * from './readiness';
export * from './conformity-readiness.service';
export * from './conformity-declarations.service';
export * from './declaration-state';
export * from './declaration.entity';
export * from './declaration.views';
