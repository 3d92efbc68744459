// `barrage tenants|keys|destinations|events|deliveries <verb>`: the management API over the typed
// client, for people (tables) and scripts (--json, exit codes).
import type { Command } from 'commander';
import { destinationCommands } from './destinations';
import { eventCommands } from './events';
import { tenantCommands } from './tenants';

export function managementCommands(program: Command): void {
  tenantCommands(program);
  destinationCommands(program);
  eventCommands(program);
}
