const Sequencer = require('@jest/test-sequencer').default;

/** Slow end-to-end files first (the chaos run first of all), unit tests last: keeps both jest workers busy to the end. */
class SlowFirst extends Sequencer {
  sort(tests) {
    const weight = (t) =>
      t.path.includes('/cluster/chaos')
        ? -1
        : t.path.includes('/e2e/') || t.path.includes('/cluster/')
          ? 0
          : t.path.includes('/integration/')
            ? 1
            : t.path.includes('/workflows/')
              ? 2
              : 3;
    return [...tests].sort((a, b) => weight(a) - weight(b) || a.path.localeCompare(b.path));
  }
}
module.exports = SlowFirst;
