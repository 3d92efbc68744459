// The unit tier starts no process: its setup file (test/helpers/no-processes.ts) makes every
// child_process starter throw, and no server is started for it (jest.config.js).
import { execFileSync, spawn } from 'node:child_process';

test('starting a process in a unit test fails, naming where the test belongs', () => {
  expect(() => spawn('temporal', ['server', 'start-dev'])).toThrow(/unit tests start no processes.*test\/integration/);
  expect(() => execFileSync('java', ['-version'])).toThrow(/unit tests start no processes/);
});

test('no shared server was started for this tier', () => {
  expect(process.env.BARRAGE_TEST_TEMPORAL_ADDRESS).toBeUndefined();
  expect(process.env.BARRAGE_TEST_KAFKA_BROKERS).toBeUndefined();
});
