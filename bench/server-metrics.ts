// What the Temporal server itself reports about its work, and CPU of whole process trees
// (PostgreSQL serves each connection from a child of its postmaster).
import { readdirSync, readFileSync } from 'node:fs';
import { cpuSeconds } from './processes';

export interface ServerCounters {
  /** Requests temporal-server made to its persistence (PostgreSQL): reads and writes, every operation. */
  persistenceRequests: number;
  /** Billable actions as the server counts them (Temporal Cloud bills the same kind of count). */
  actions: number;
}

/** Sums the server's counters from its Prometheus endpoint (tally names: no `_total` suffix). */
export async function serverCounters(metricsUrl: string): Promise<ServerCounters> {
  const res = await fetch(metricsUrl);
  if (!res.ok) throw new Error(`${metricsUrl} answered ${res.status}`);
  const sums: Record<string, number> = {};
  for (const line of (await res.text()).split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{[^}]*\})?\s+(\S+)/.exec(line);
    if (match) sums[match[1]] = (sums[match[1]] ?? 0) + Number(match[2]);
  }
  return {
    persistenceRequests: sums.persistence_requests ?? sums.persistence_requests_total ?? 0,
    actions: sums.action ?? sums.action_total ?? 0,
  };
}

/** CPU seconds of a process and all its descendants (live ones: a backend that exited is not counted). */
export function treeCpuSeconds(pid: number | undefined): number {
  if (!pid) return NaN;
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited while we looked
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const next = stack.pop()!;
    const own = cpuSeconds(next);
    if (Number.isFinite(own)) total += own;
    stack.push(...(children.get(next) ?? []));
  }
  return total;
}
