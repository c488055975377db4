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
  // Four files at a time: these tests spend most of their time waiting on their own servers and
  // timers (the lane used about 1.3 of 2 cores with three), and with no child processes a fourth
  // worker costs memory only. Side by side on the shared 2-core machine: 53 and 57 s with four,
  // 72 and 73 s with three.
  maxWorkers: 4,
};
