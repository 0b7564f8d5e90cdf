/**
 * Three projects: server-side code runs in node, pages run in jsdom with miniprogram-simulate, and the
 * preview's journeys drive the real pages in Chromium against a local cloud (test/preview).
 */
// Type errors are the type check's job (npm run typecheck); jest only transpiles.
const tsJest = ['ts-jest', { diagnostics: false }];

module.exports = {
  // Integration tests run whole function invocations; a loaded 2-core CI machine needs headroom.
  testTimeout: 60_000,
  // One worker per core, not jest's default of one fewer: on a 2-core machine that default runs every
  // suite in band, while the Chromium journeys and the function tests wait on different things.
  maxWorkers: '100%',
  // The run gets a temporary folder of its own and must leave it empty (test/support/temp-guard.ts).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/{domain,localcloud,functions,reliability,build}/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/test-now.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'pages',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/pages/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/test-now.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'preview',
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/preview/support/global-setup.ts',
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/preview/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
  ],
};
