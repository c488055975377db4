/**
 * `npm run test:fast`: every test that runs in jest's own process, without a second process (the
 * bot as a child process, Azurite, other child processes: test/second-process.js finds them). No
 * build first: nothing here runs dist/.
 */
const base = require('./jest.config');
const { secondProcessTests } = require('./test/second-process');

const asPattern = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  globalSetup: undefined,
  testSequencer: undefined,
  testPathIgnorePatterns: ['/node_modules/', ...secondProcessTests().map((file) => `^${asPattern(file)}$`)],
};
