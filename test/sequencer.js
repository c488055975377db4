/**
 * The order jest starts test files in: the files that start a second process (the bot as a child
 * process, Azurite) first, as they take longest, so no long file is left to run alone at the end.
 * Within each group jest's own order holds (files that failed last time, then the slowest last time;
 * on a fresh clone, with no timings yet, the largest file first).
 */
const Sequencer = require('@jest/test-sequencer').default;
const { secondProcessTests } = require('./second-process');

class SecondProcessFirst extends Sequencer {
  sort(tests) {
    const slow = new Set(secondProcessTests());
    const ordered = super.sort(tests);
    return [...ordered.filter((test) => slow.has(test.path)), ...ordered.filter((test) => !slow.has(test.path))];
  }
}

module.exports = SecondProcessFirst;
