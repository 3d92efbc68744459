// Runs one management command: its client, its output, its exit code.
import type { Command } from 'commander';
import type { BarrageClient } from '../../client';
import { clientFor, jsonWanted, UsageError } from './connect';
import { ApiFailure, printFailure, type OutputOptions } from './output';

type Handler = (client: BarrageClient, out: OutputOptions, ...args: never[]) => Promise<void>;

/** commander's action for a handler: positional arguments, then the options, then the command. */
export function action(handler: Handler) {
  return async (...args: unknown[]): Promise<void> => {
    const command = args[args.length - 1] as Command;
    const json = jsonWanted(command);
    try {
      const client = clientFor(command, process.env);
      await (handler as (c: BarrageClient, o: OutputOptions, ...a: unknown[]) => Promise<void>)(
        client,
        { json },
        ...args.slice(0, -1),
      );
    } catch (err) {
      process.exitCode = exitCodeOf(err, json);
    }
  };
}

function exitCodeOf(err: unknown, json: boolean | undefined): number {
  if (err instanceof ApiFailure) {
    printFailure(err, json);
    return 1;
  }
  if (err instanceof UsageError) {
    console.error(`barrage: ${err.message}`);
    return 2;
  }
  // fetch failed: nothing listens there, DNS, TLS.
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  console.error(`barrage: ${err instanceof Error ? err.message : String(err)}${cause}`);
  return 1;
}
