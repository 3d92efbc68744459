// Which hub a management command talks to, and with which key: flags first, then the environment.
import type { Command } from 'commander';
import { createBarrageClient, type BarrageClient } from '../../client';

export interface ConnectOptions {
  url?: string;
  key?: string;
  json?: boolean;
}

export class UsageError extends Error {}

/** The client for the command's --url/--key (or BARRAGE_URL / BARRAGE_API_KEY). */
export function clientFor(command: Command, env: NodeJS.ProcessEnv): BarrageClient {
  const opts = command.optsWithGlobals<ConnectOptions>();
  const baseUrl = opts.url ?? env.BARRAGE_URL;
  const apiKey = opts.key ?? env.BARRAGE_API_KEY;
  if (!baseUrl) throw new UsageError('say which hub: --url http://host:port or BARRAGE_URL');
  if (!apiKey) throw new UsageError('say which key: --key or BARRAGE_API_KEY (a tenant key; an admin key for tenants and keys)');
  return createBarrageClient({ baseUrl, apiKey });
}

export const jsonWanted = (command: Command) => command.optsWithGlobals<ConnectOptions>().json;

/** Adds --url, --key and --json to a noun's command. */
export function withConnection(command: Command): Command {
  return command
    .option('--url <url>', 'the hub (default: BARRAGE_URL)')
    .option('--key <key>', 'API key (default: BARRAGE_API_KEY)')
    .option('--json', 'print the API answer as JSON');
}
