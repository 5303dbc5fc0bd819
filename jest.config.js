/** Unit specs sit beside the code; integration and e2e suites live in test/. */
const swc = ['@swc/jest', JSON.parse(require('fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'))];
const moduleNameMapper = {
  '^@eiso/common$': '<rootDir>/libs/common/src',
  '^@eiso/config$': '<rootDir>/libs/config/src',
  '^@eiso/database$': '<rootDir>/libs/database/src',
  '^@eiso/storage$': '<rootDir>/libs/storage/src',
  '^@eiso/queue$': '<rootDir>/libs/queue/src',
  '^@eiso/audit-trail$': '<rootDir>/libs/audit-trail/src',
  '^@eiso/identity$': '<rootDir>/libs/identity/src',
  '^@eiso/organizations$': '<rootDir>/libs/organizations/src',
  '^@eiso/documents$': '<rootDir>/libs/documents/src',
  '^@eiso/notifications$': '<rootDir>/libs/notifications/src',
  '^@eiso/pdf$': '<rootDir>/libs/pdf/src',
  '^@eiso/pdf/testing$': '<rootDir>/libs/pdf/src/pdf-text.testing',
  '^@eiso/reports$': '<rootDir>/libs/reports/src',
  '^@eiso/records$': '<rootDir>/libs/records/src',
  '^@eiso/jobs$': '<rootDir>/libs/jobs/src',
  '^@eiso/migrations$': '<rootDir>/migrations',
  '^@eiso/testing$': '<rootDir>/test/support',
};
const base = {
  rootDir: __dirname,
  setupFiles: ['reflect-metadata'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  // A global option: per-project values are ignored.
  testTimeout: 60000,
  // On 2 cores jest runs the suites in its own process: a Redis client of a suite that killed
  // its Redis (fault and outbox suites) keeps reconnecting after the run. The run is over; exit.
  forceExit: true,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
