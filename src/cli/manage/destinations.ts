// barrage destinations … (a tenant key).
import type { Command } from 'commander';
import { action } from './action';
import { withConnection } from './connect';
import { intArg, jsonOption, print, printPage, unwrap, type PageOptions } from './output';

const COLUMNS = ['id', 'type', 'events', 'disabled', 'paused', 'description'];

interface CreateOptions {
  id?: string;
  endpoint?: string;
  events?: string;
  data?: Record<string, unknown>;
}

export function destinationCommands(program: Command): void {
  const cmd = withConnection(program.command('destinations').description("the tenant's destinations (a tenant key)"));
  reads(cmd);
  writes(cmd);
  controls(cmd);
}

function reads(cmd: Command): void {
  cmd
    .command('list')
    .option('--type <type>', 'only this type')
    .option('--event <type>', 'only those this event type reaches')
    .option('--limit <n>', 'page size', intArg)
    .option('--cursor <cursor>', 'the next page')
    .action(
      action(async (c, out, o: PageOptions & { type?: string; event?: string }) => {
        const got = unwrap(await c.GET('/v1/destinations', { params: { query: o as never } }));
        printPage(got.destinations, got.nextCursor, out, COLUMNS);
      }),
    );
  cmd
    .command('get <id>')
    .action(action(async (c, out, id: string) => print(unwrap(await c.GET('/v1/destinations/{id}', path(id))), out)));
}

function writes(cmd: Command): void {
  cmd
    .command('create')
    .option('--id <id>', 'its id (default: generated)')
    .option('--endpoint <url>', 'an http destination at this URL (--url names the hub)')
    .option('--events <patterns>', 'comma-separated event type patterns (default *)')
    .option('--data <json>', 'the whole destination (or more fields), JSON or @file', jsonOption)
    .action(
      action(async (c, out, o: CreateOptions) => {
        const body = {
          ...o.data,
          ...(o.id ? { id: o.id } : {}),
          ...(o.endpoint ? { type: 'http', url: o.endpoint } : {}),
          ...(o.events ? { events: o.events.split(',').map((e) => e.trim()) } : {}),
        };
        print(unwrap(await c.POST('/v1/destinations', { body: body as never })), out);
      }),
    );
  cmd
    .command('update <id>')
    .requiredOption('--data <json>', 'the fields to change (null removes one), JSON or @file', jsonOption)
    .action(
      action(async (c, out, id: string, o: { data: Record<string, unknown> }) =>
        print(unwrap(await c.PATCH('/v1/destinations/{id}', { ...path(id), body: o.data as never })), out),
      ),
    );
  cmd.command('delete <id>').action(
    action(async (c, out, id: string) => {
      unwrap(await c.DELETE('/v1/destinations/{id}', path(id)));
      print({ deleted: id }, out);
    }),
  );
}

function controls(cmd: Command): void {
  cmd
    .command('rotate-secret <id>')
    .option('--overlap <duration>', 'how long the previous secret keeps signing', '24h')
    .action(
      action(async (c, out, id: string, o: { overlap: string }) =>
        print(unwrap(await c.POST('/v1/destinations/{id}/secret/rotate', { ...path(id), body: { overlap: o.overlap } })), out),
      ),
    );
  cmd
    .command('secret <id>')
    .description('its signing secrets')
    .action(action(async (c, out, id: string) => print(unwrap(await c.GET('/v1/destinations/{id}/secret', path(id))), out)));
  cmd
    .command('test <id>')
    .description('send it a signed barrage.test event')
    .action(action(async (c, out, id: string) => print(unwrap(await c.POST('/v1/destinations/{id}/test', path(id))), out)));
  cmd
    .command('pause <id>')
    .action(action(async (c, out, id: string) => print(unwrap(await c.POST('/v1/destinations/{id}/pause', path(id))), out)));
  cmd
    .command('resume <id>')
    .action(action(async (c, out, id: string) => print(unwrap(await c.POST('/v1/destinations/{id}/resume', path(id))), out)));
}

const path = (id: string) => ({ params: { path: { id } } });
