// The unit tier's guard: a unit test that starts a process (a server, a broker, a CLI) fails at
// once, naming the tier it belongs in. In-process servers on 127.0.0.1:0 are fine.
// node:child_process is one object per jest worker process, shared by every test file that worker
// runs later (of any tier), so the originals come back when the file ends.
import childProcess from 'node:child_process';

const starters = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;
const originals = starters.map((name) => [name, Object.getOwnPropertyDescriptor(childProcess, name)!] as const);
for (const name of starters) {
  Object.defineProperty(childProcess, name, {
    configurable: true,
    value: () => {
      throw new Error(`unit tests start no processes (child_process.${name}); move this test to test/integration or test/e2e`);
    },
  });
}

afterAll(() => {
  for (const [name, descriptor] of originals) Object.defineProperty(childProcess, name, descriptor);
});
