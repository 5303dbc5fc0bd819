export * from './restructuring.module';
export * from './restructure.service';
export * from './restructure.input';
