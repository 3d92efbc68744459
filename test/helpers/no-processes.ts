// The unit tier's guard: a unit test that starts a process (a server, a broker, a CLI) fails at
// once, naming the tier it belongs in. In-process servers on 127.0.0.1:0 are fine.
import childProcess from 'node:child_process';

const starters = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;
for (const name of starters) {
  Object.defineProperty(childProcess, name, {
    configurable: true,
    value: () => {
      throw new Error(`unit tests start no processes (child_process.${name}); move this test to test/integration or test/e2e`);
    },
  });
}
