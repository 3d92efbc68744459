// barrage tenants … and barrage keys … (admin key; a tenant key may manage its own keys).
import type { Command } from 'commander';
import { action } from './action';
import { withConnection } from './connect';
import { intArg, jsonOption, print, printPage, unwrap, type PageOptions } from './output';

const TENANT_COLUMNS = ['id', 'namespace', 'managedBy', 'destinations', 'createdAt'];
const KEY_COLUMNS = ['id', 'name', 'prefix', 'createdAt', 'lastUsedAt'];

export function tenantCommands(program: Command): void {
  const tenants = withConnection(program.command('tenants').description('tenants (admin key)'));
  tenants
    .command('list')
    .option('--limit <n>', 'page size', intArg)
    .option('--cursor <cursor>', 'the next page')
    .action(
      action(async (c, out, o: PageOptions) => {
        const got = unwrap(await c.GET('/v1/tenants', { params: { query: o as never } }));
        printPage(got.tenants, got.nextCursor, out, TENANT_COLUMNS);
      }),
    );
  tenants
    .command('get <id>')
    .action(
      action(async (c, out, id: string) => print(unwrap(await c.GET('/v1/tenants/{id}', { params: { path: { id } } })), out)),
    );
  tenantWrites(tenants);
  keyCommands(program);
}

function tenantWrites(tenants: Command): void {
  tenants
    .command('create <id>')
    .option('--namespace <namespace>', 'its Temporal namespace (default barrage-<id>)')
    .option('--data <json>', 'more fields (defaults, operatorDestination), JSON or @file', jsonOption)
    .action(
      action(async (c, out, id: string, o: { namespace?: string; data?: Record<string, unknown> }) => {
        const body = { ...o.data, id, ...(o.namespace ? { namespace: o.namespace } : {}) };
        print(unwrap(await c.POST('/v1/tenants', { body: body as never })), out);
      }),
    );
  tenants
    .command('update <id>')
    .requiredOption('--data <json>', 'the fields to change, JSON or @file', jsonOption)
    .action(
      action(async (c, out, id: string, o: { data: Record<string, unknown> }) =>
        print(unwrap(await c.PATCH('/v1/tenants/{id}', { params: { path: { id } }, body: o.data as never })), out),
      ),
    );
  tenants
    .command('delete <id>')
    .action(
      action(async (c, out, id: string) => print(unwrap(await c.DELETE('/v1/tenants/{id}', { params: { path: { id } } })), out)),
    );
}

function keyCommands(program: Command): void {
  const keys = withConnection(program.command('keys').description("a tenant's API keys"));
  keys.command('list <tenant>').action(
    action(async (c, out, id: string) => {
      const got = unwrap(await c.GET('/v1/tenants/{id}/api-keys', { params: { path: { id } } }));
      printPage(got.apiKeys, got.nextCursor, out, KEY_COLUMNS);
    }),
  );
  keys
    .command('create <tenant>')
    .option('--name <name>', 'what it is for')
    .action(
      action(async (c, out, id: string, o: { name?: string }) =>
        print(
          unwrap(await c.POST('/v1/tenants/{id}/api-keys', { params: { path: { id } }, body: o.name ? { name: o.name } : {} })),
          out,
        ),
      ),
    );
  keys.command('revoke <tenant> <keyId>').action(
    action(async (c, out, id: string, keyId: string) => {
      unwrap(await c.DELETE('/v1/tenants/{id}/api-keys/{keyId}', { params: { path: { id, keyId } } }));
      print({ revoked: keyId }, out);
    }),
  );
}
