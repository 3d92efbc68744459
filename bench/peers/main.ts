// node dist/bench/peers/main.js <api|worker> <settings.json>: one role of one reference
// dispatcher as its own OS process, as the benchmark runs (and kills) them.
import { readFileSync } from 'node:fs';
import * as bullmq from './bullmq';
import * as pgboss from './pgboss';
import { errorText, log, type PeerSettings } from './settings';

async function main(): Promise<void> {
  const [role, file] = process.argv.slice(2);
  if ((role !== 'api' && role !== 'worker') || !file) {
    throw new Error('usage: node dist/bench/peers/main.js <api|worker> <settings.json>');
  }
  const settings = JSON.parse(readFileSync(file, 'utf8')) as PeerSettings;
  const peer = { pgboss, bullmq }[settings.kind];
  if (!peer) throw new Error(`unknown peer kind ${JSON.stringify(settings.kind)} in ${file}`);
  // pg-boss 10 completes and fails a worker's jobs without awaiting the promise; while PostgreSQL
  // is down those reject with nobody listening, which would end the process. The jobs stay active
  // and expire into a retry, so logging is the right answer.
  process.on('unhandledRejection', (reason) => log(`peer ${role} unhandled rejection`, { error: errorText(reason) }));
  const running = role === 'api' ? await peer.startPeerApi(settings) : await peer.startPeerWorker(settings);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // A stop that hangs (a store that never answers) must not keep the process alive forever.
    setTimeout(() => process.exit(1), 30_000).unref();
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log(`peer ${role} stop failed`, { error: errorText(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
