// One closing line on standard output, in the plain form CI tooling reads ("jest: N passed,
// N failed"): jest's own summary goes to standard error and names suites and totals differently.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const tail = skipped ? `, ${skipped} skipped` : '';
    process.stdout.write(`jest: ${results.numPassedTests} passed, ${failed} failed${tail}\n`);
    // The same totals in jest's own words, for readers that only know those.
    const parts = [failed && `${failed} failed`, skipped && `${skipped} skipped`, `${results.numPassedTests} passed`];
    process.stdout.write(`Tests: ${parts.filter(Boolean).join(', ')}, ${results.numTotalTests} total\n`);
    // jest prints its own summary after every custom reporter, so CI repeats this line last.
    const file = process.env.BARRAGE_TEST_SUMMARY;
    if (file) require('node:fs').writeFileSync(file, `jest: ${results.numPassedTests} passed, ${failed} failed${tail}\n`);
  }
}
module.exports = SummaryReporter;
