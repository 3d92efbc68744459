// `npm run bench -- --peers`: scenario 18 alone, with its own sink and servers.
import { machine } from '../report';
import { startBenchSink } from '../sink';
import { writePeersReport } from './report';
import { peersScenario, type PeersContext } from './scenario';

export interface PeersOptions {
  quick: boolean;
  out: string;
  runs: number;
  duration: number;
  concurrency: number[];
  peersEvents: number;
}

export async function peersOnly(
  ctx: Omit<PeersContext, 'sink' | 'runs' | 'durationMs' | 'concurrency' | 'durabilityEvents'>,
  options: PeersOptions,
  started: number,
): Promise<void> {
  const sink = await startBenchSink();
  try {
    const results = await peersScenario({
      ...ctx,
      sink,
      runs: options.runs,
      durationMs: options.duration * 1000,
      concurrency: options.concurrency,
      durabilityEvents: options.peersEvents,
    });
    const written = writePeersReport(results, options, { elapsedMs: Date.now() - started, machine: machine() });
    console.log(written.table);
    ctx.progress(`wrote ${written.files.join(', ')} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await sink.close();
  }
}
