/** Unit specs sit beside the code; integration and e2e suites live in test/. */
const swc = ['@swc/jest', JSON.parse(require('fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'))];
/**
 * Path aliases come from tsconfig.json's `paths` (the one list the compiler, tsc-alias and jest
 * share): `"@eiso/x": ["libs/x/src"]` becomes `'^@eiso/x$': '<rootDir>/libs/x/src'`.
 */
const { paths } = JSON.parse(
  require('fs').readFileSync(`${__dirname}/tsconfig.json`, 'utf8'),
).compilerOptions;
const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [
    `^${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
    `<rootDir>/${target}`,
  ]),
);
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
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      // Fails a suite whose responses disagree with the OpenAPI document (test-app.ts checks them).
      setupFilesAfterEnv: ['<rootDir>/test/support/openapi-suite-hooks.ts'],
    },
  ],
};
