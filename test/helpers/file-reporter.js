// Jest's per-file reporter (PASS/FAIL lines, failure details, console output) without the summary
// reporter that 'default' adds; summary-reporter.js closes the run instead.
module.exports = require('@jest/reporters').DefaultReporter;
