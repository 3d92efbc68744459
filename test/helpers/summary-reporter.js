// The run's summary, in the forms CI tooling reads: the failing tests by name, the plain line
// "jest: N passed, N failed", then jest's own totals block ("Test Suites: …", "Tests: …") closing the
// output. Jest's summary reporter is left out (jest.config.js) because its closing "Ran all test
// suites" line, with no count, was read by CI tooling as a runner that executed no test.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const out = (line) => process.stdout.write(`${line}\n`);
    const failing = results.testResults.flatMap((file) => [
      ...(file.testExecError ? [`${file.testFilePath}: ${file.testExecError.message}`] : []),
      ...file.testResults.filter((t) => t.status === 'failed').map((t) => `${file.testFilePath} › ${t.fullName}`),
    ]);
    if (failing.length) out(`\nFailing:\n${failing.map((f) => `  ${f}`).join('\n')}`);
    const seconds = Math.round((Date.now() - results.startTime) / 1000);
    out(`\n${results.numTotalTestSuites} test files, ${seconds} s`);
    const lines = [closingLine(results), ...jestTotals(results, seconds)].join('\n');
    out(lines);
    // jest may still print exit notices after every reporter, so CI repeats these lines last.
    const file = process.env.BARRAGE_TEST_SUMMARY;
    if (file) require('node:fs').writeFileSync(file, `${lines}\n`);
  }
}

function closingLine(results) {
  const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
  const skipped = results.numPendingTests + results.numTodoTests;
  return `jest: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

// The totals worded and aligned as jest's default summary prints them.
function jestTotals(r, seconds) {
  const count = (failed, skipped, passed, total) =>
    [failed && `${failed} failed`, skipped && `${skipped} skipped`, `${passed} passed`, `${total} total`]
      .filter(Boolean)
      .join(', ');
  const suitesFailed = r.numFailedTestSuites + r.numRuntimeErrorTestSuites;
  return [
    `Test Suites: ${count(suitesFailed, r.numPendingTestSuites, r.numPassedTestSuites, r.numTotalTestSuites)}`,
    `Tests:       ${count(r.numFailedTests, r.numPendingTests + r.numTodoTests, r.numPassedTests, r.numTotalTests)}`,
    `Time:        ${seconds} s`,
  ];
}

module.exports = SummaryReporter;
