// barrage events … and barrage deliveries … (a tenant key).
import type { Command } from 'commander';
import { action } from './action';
import { UsageError, withConnection } from './connect';
import { headerArg, intArg, jsonOption, print, printPage, unwrap, type PageOptions } from './output';

const COLUMNS = ['id', 'type', 'source', 'destinations', 'receivedAt'];
const ATTEMPT_COLUMNS = ['destination', 'attempt', 'outcome', 'statusCode', 'durationMs', 'startedAt', 'error'];

interface ListOptions extends PageOptions {
  status?: string;
  type?: string;
  destination?: string;
}

export function eventCommands(program: Command): void {
  const cmd = withConnection(program.command('events').description("the tenant's events (a tenant key)"));
  readCommands(cmd);
  writeCommands(cmd);
  deliveryCommands(program);
}

function readCommands(cmd: Command): void {
  cmd
    .command('list')
    .option('--status <status>', 'only events with a delivery in this status')
    .option('--type <type>', 'only this event type')
    .option('--destination <id>', 'only events delivered to it')
    .option('--limit <n>', 'page size', intArg)
    .option('--cursor <cursor>', 'the next page')
    .action(
      action(async (c, out, o: ListOptions) => {
        const got = unwrap(await c.GET('/v1/events', { params: { query: o as never } }));
        printPage(got.events, got.nextCursor, out, COLUMNS);
      }),
    );
  cmd
    .command('get <id>')
    .action(action(async (c, out, id: string) => print(unwrap(await c.GET('/v1/events/{id}', path(id))), out)));
  cmd.command('attempts <id>').action(
    action(async (c, out, id: string) => {
      const got = unwrap(await c.GET('/v1/events/{id}/attempts', path(id)));
      if (out.json) return print(got, out);
      print(got.attempts, out, ATTEMPT_COLUMNS);
    }),
  );
}

function writeCommands(cmd: Command): void {
  cmd
    .command('retry <id>')
    .option('--destination <id>', 'only this delivery')
    .action(
      action(async (c, out, id: string, o: { destination?: string }) =>
        print(
          unwrap(
            await c.POST('/v1/events/{id}/retry', { ...path(id), body: o.destination ? { destination: o.destination } : {} }),
          ),
          out,
        ),
      ),
    );
  cmd
    .command('cancel <id>')
    .action(action(async (c, out, id: string) => print(unwrap(await c.POST('/v1/events/{id}/cancel', path(id))), out)));
  cmd
    .command('send')
    .description('publish an event to every subscribed destination')
    .requiredOption('--type <type>', 'its event type')
    .requiredOption('--data <json>', 'its payload, JSON or @file', jsonOption)
    .option('--id <id>', 'its id (the dedupe key)')
    .action(
      action(async (c, out, o: { type: string; data: unknown; id?: string }) =>
        print(
          unwrap(await c.POST('/v1/events', { body: { type: o.type, data: o.data as never, ...(o.id ? { id: o.id } : {}) } })),
          out,
        ),
      ),
    );
}

interface SendOptions {
  to: string;
  header?: Record<string, string>;
  data?: unknown;
  text?: string;
  id?: string;
  deadLetter?: string;
  retry?: Record<string, unknown>;
}

function deliveryCommands(program: Command): void {
  const cmd = withConnection(program.command('deliveries').description('one-off deliveries (a tenant key)'));
  cmd
    .command('send')
    .description('deliver one payload to one URL, with its own retry and dead letter')
    .requiredOption('--to <url>', 'where to POST it (--url names the hub)')
    .option('--header <name=value>', 'a request header (repeatable)', headerArg)
    .option('--data <json>', 'a JSON payload, or @file', jsonOption)
    .option('--text <text>', 'a text payload instead')
    .option('--id <id>', 'its id (the dedupe key)')
    .option('--retry <json>', 'retry policy, JSON', jsonOption)
    .option('--dead-letter <target>', 'a destination id, or a URL')
    .action(
      action(async (c, out, o: SendOptions) =>
        print(unwrap(await c.POST('/v1/deliveries', { body: sendBody(o) as never })), out),
      ),
    );
  cmd.command('secret').action(action(async (c, out) => print(unwrap(await c.GET('/v1/deliveries/secret')), out)));
  cmd
    .command('rotate-secret')
    .option('--overlap <duration>', 'how long the previous secret keeps signing', '24h')
    .action(
      action(async (c, out, o: { overlap: string }) =>
        print(unwrap(await c.POST('/v1/deliveries/secret/rotate', { body: { overlap: o.overlap } })), out),
      ),
    );
}

function sendBody(o: SendOptions): Record<string, unknown> {
  if (o.text !== undefined && o.data !== undefined) throw new UsageError('send --data or --text, not both');
  const deadLetter = o.deadLetter && /^https?:\/\//.test(o.deadLetter) ? { url: o.deadLetter } : o.deadLetter;
  return {
    to: { url: o.to, ...(o.header ? { headers: o.header } : {}) },
    ...(o.text !== undefined ? { payload: { body: o.text } } : { data: o.data ?? {} }),
    ...(o.id ? { id: o.id } : {}),
    ...(o.retry ? { retry: o.retry } : {}),
    ...(deadLetter ? { deadLetter } : {}),
  };
}

const path = (id: string) => ({ params: { path: { id } } });
