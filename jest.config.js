/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/examples'].filter((dir) => require('node:fs').existsSync(dir.replace('<rootDir>', __dirname))),
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
  globalSetup: '<rootDir>/test/global-setup.ts',
  // The files that start a second process go first: they are the long ones (test/sequencer.js).
  testSequencer: '<rootDir>/test/sequencer.js',
  // Servers and child processes are real in these tests, and most of a file's time is spent waiting
  // on them (timers, Retry-After, a child process starting), not computing: four files at a time
  // keep 2 cores busy (each worker holds the whole bot, 300 to 400 MB). Side by side on the shared
  // 2-core machine, the whole suite took 129 s with three and 113 s with four.
  maxWorkers: 4,
};
