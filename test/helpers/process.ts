// Barrage as a real child process (the CLI from dist/, as users run it).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config';

export const CLI = join(PROJECT_ROOT, 'dist', 'src', 'cli', 'main.js');

export interface Spawned {
  child: ChildProcess;
  output: () => string;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

export function spawnLogged(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; detached?: boolean } = {},
): Spawned {
  const child = spawn(command, args, {
    cwd: options.cwd ?? PROJECT_ROOT,
    env: options.env ?? process.env,
    detached: options.detached,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exited,
    async waitForOutput(pattern, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(text)) {
        if (child.exitCode !== null)
          throw new Error(`process exited (${child.exitCode}) before ${pattern}:\n${text.slice(-3000)}`);
        if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${text.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

/** Waits until a spawned receiver says it listens, and returns the URL it logged. */
export async function listeningUrl(p: Spawned): Promise<string> {
  await p.waitForOutput(/"msg":"receiver listening"/);
  return /"url":"(http:\/\/[^"]+)","msg":"receiver listening"/.exec(p.output())![1];
}

/** A receiver and worker processes of `barrage start` on one config file, as a deployment runs them. */
export interface RoleProcesses {
  receiver: Spawned;
  url: string;
  workers: Spawned[];
  /** Starts one more process of a role (e.g. a worker in place of a killed one). */
  start(role: string): Spawned;
  stop(): Promise<void>;
}

export async function startRoleProcesses(file: string, env: NodeJS.ProcessEnv, workerCount = 2): Promise<RoleProcesses> {
  const start = (role: string) => spawnLogged(process.execPath, [CLI, 'start', '--config', file, '--role', role], { env });
  const receiver = start('receiver');
  const url = await listeningUrl(receiver);
  const workers = Array.from({ length: workerCount }, () => start('worker'));
  for (const w of workers) await w.waitForOutput(/"msg":"worker running"/);
  return {
    receiver,
    url,
    workers,
    start,
    async stop() {
      const all = [receiver, ...workers];
      for (const p of all) p.child.kill('SIGTERM');
      await Promise.all(all.map((p) => p.exited));
    },
  };
}
