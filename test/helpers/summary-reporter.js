// The run's summary, in the plain form CI tooling reads: the failing tests by name, then one closing
// line "jest: N passed, N failed". Jest's own summary reporter is left out (jest.config.js): its
// "Ran all test suites" line was read by CI tooling as a runner closing on no test executed.
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
    const line = closingLine(results);
    out(line);
    // jest may still print exit notices after every reporter, so CI repeats this line last.
    const file = process.env.BARRAGE_TEST_SUMMARY;
    if (file) require('node:fs').writeFileSync(file, `${line}\n`);
  }
}

function closingLine(results) {
  const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
  const skipped = results.numPendingTests + results.numTodoTests;
  return `jest: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

module.exports = SummaryReporter;
