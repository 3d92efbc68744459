// The shipped dashboard, alert rules and compose config: every PromQL expression parses with
// the Prometheus project's own PromQL grammar (@prometheus-io/lezer-promql), names only metrics
// Barrage (or the Temporal SDK) exports, and the compose config is a valid Barrage config.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { parse as parseYaml } from 'yaml';
import { parseConfig, PROJECT_ROOT } from '../../../src/config';
import { createMetrics } from '../../../src/telemetry/metrics';
import { BACKLOG_METRIC } from '../../../src/events/backlog';
import { createLogger } from '../../../src/telemetry/logger';
import { trackPollers } from '../../../src/sources/poller-metrics';

const read = (...path: string[]) => readFileSync(join(PROJECT_ROOT, ...path), 'utf8');

function promqlErrors(expr: string): string[] {
  const errors: string[] = [];
  parser.parse(expr).iterate({
    enter: (node) => void (node.type.isError && errors.push(`at ${node.from}: ${expr.slice(node.from, node.from + 30)}`)),
  });
  return errors;
}

const dashboard = JSON.parse(read('docs', 'grafana', 'barrage.json')) as {
  panels: { title: string; targets: { expr: string }[] }[];
};
const dashboardExprs = dashboard.panels.flatMap((p) => p.targets.map((t) => [p.title, t.expr] as const));
const rules = (
  parseYaml(read('docs', 'prometheus', 'alerts.yml')) as { groups: { rules: { alert: string; expr: string }[] }[] }
).groups.flatMap((g) => g.rules.map((r) => [r.alert, r.expr.trim()] as const));

test.each([...dashboardExprs, ...rules])('%s: the expression parses', (_name, expr) => {
  expect(promqlErrors(expr)).toEqual([]);
});

test('the expressions use only metrics Barrage exports (or the Temporal SDK’s)', async () => {
  const metrics = createMetrics();
  trackPollers(metrics, [], createLogger('silent'));
  const exported = new Set((await metrics.registry.getMetricsAsJSON()).map((m) => m.name));
  exported.add(BACKLOG_METRIC); // registered by receivers beside a Temporal client
  const used = [...dashboardExprs, ...rules].flatMap(([, expr]) => expr.match(/\b(barrage|temporal)_[a-z_]+/g) ?? []);
  const base = (name: string) => name.replace(/_(bucket|count|sum)$/, '');
  const unknown = used.filter((n) => n.startsWith('barrage_') && !exported.has(base(n)) && !exported.has(n));
  expect(unknown).toEqual([]);
  expect(dashboard.panels.length).toBeGreaterThanOrEqual(6);
  expect(rules.map(([alert]) => alert)).toEqual(
    expect.arrayContaining(['BarrageDeliveryFailureRatioHigh', 'BarrageBacklogGrowing', 'BarrageNoDeliveries']),
  );
});

test('the compose config is a valid Barrage config (database, keys, telemetry from the environment)', () => {
  const env = {
    ACME_API_KEY: 'k',
    BARRAGE_ADMIN_KEY: 'a',
    BARRAGE_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    DATABASE_URL: 'postgres://u@db/x',
  };
  const config = parseConfig(read('docs', 'examples', 'barrage.compose.yaml'), env);
  expect(config).toMatchObject({ database: { url: 'postgres://u@db/x' }, telemetry: { metricsPort: 9464 } });
});

test('the PromQL check bites: a broken expression is reported', () => {
  expect(promqlErrors('sum(rate(barrage_deliveries_total[5m])')).not.toEqual([]);
  expect(promqlErrors('rate(barrage_deliveries_total[5m]) >')).not.toEqual([]);
});
