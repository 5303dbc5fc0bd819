export * from './agency-transfer.step';
export * from './agency-transfer-coverage';
export * from './agency-transfer-setup.error';
export * from './agency-transfer.registry';
export * from './agency-transfer.module';
export * from './agency-rows';
