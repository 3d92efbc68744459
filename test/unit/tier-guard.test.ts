// The unit tier starts no process: its setup file (test/helpers/no-processes.ts) makes every
// child_process starter throw. No server is started for the tier itself (jest.config.js); in a full
// run the other tiers' servers exist, but a unit test cannot start or need one.
import { execFileSync, spawn } from 'node:child_process';

test('starting a process in a unit test fails, naming where the test belongs', () => {
  expect(() => spawn('temporal', ['server', 'start-dev'])).toThrow(/unit tests start no processes.*test\/integration/);
  expect(() => execFileSync('java', ['-version'])).toThrow(/unit tests start no processes/);
});
