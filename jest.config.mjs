/**
 * Jest runs the TypeScript sources as ES modules (Payload ships ESM only):
 * `NODE_OPTIONS=--experimental-vm-modules` and @swc/jest with ES module output.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
]

const config = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@collections/(.*)$': '<rootDir>/collections/$1',
    '^@payload-config$': '<rootDir>/src/payload.config.ts',
    '^@payloadcms/next/css$': '<rootDir>/test/helpers/noStyles.ts',
  },
  // One seeded template database is built once; each test file gets its own copy.
  globalSetup: '<rootDir>/test/helpers/globalSetup.ts',
  setupFiles: ['<rootDir>/test/helpers/freshDatabase.ts'],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 60_000,
  maxWorkers: 2,
  // The longest files first, also in CI's clean clone that has no durations cached.
  testSequencer: '<rootDir>/test/longFirstSequencer.mjs',
}

export default config
