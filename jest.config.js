// Two projects: unit tests need no database; integration tests (*.int.test.ts) share one embedded
// Neo4j that the project's global setup starts on a free port and its teardown stops. Jest runs a
// project's globalSetup only when one of its tests is selected, so `jest tests/unit` starts nothing.
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  // Inline snapshots (the compile tier, tests/unit/read/compile-tier/) are written unformatted: jest 29 cannot
  // load Prettier 3 to format them; `npm run format` formats the test file like any other.
  prettierPath: null,
};

/** @type {import('jest').Config} */
module.exports = {
  // Integration tests share a 2-core machine with a JVM; jest's 5 s default fails healthy tests under
  // load (EXPLAIN over every Cypher file took longer once). Tests that wait on purpose set their own.
  testTimeout: 30_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.int.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
  ],
};
