// The --cluster figures as table rows: each next to the dev server's from the same run.
import type { ClusterResults } from './cluster';
import { figure, fmt, fmtFigure, type Figure } from './stats';

export function clusterSummary(results: ClusterResults, dev: { floor: Figure; e2e: Figure }) {
  return [1, 2].map((workers) => {
    const runs = results.runs.map((r) => r.find((f) => f.workers === workers)!).filter(Boolean);
    const floor = figure(runs.map((f) => f.floor.perSecond));
    const e2e = figure(runs.map((f) => f.e2e.perSecond));
    const cores = Object.keys(runs[0]?.e2eCores ?? {}).map((name) => [name, figure(runs.map((f) => f.e2eCores[name]))] as const);
    return {
      workers,
      floor,
      e2e,
      e2eToFloor: figure(runs.map((f) => f.e2e.perSecond / f.floor.perSecond)),
      floorToDev: dev.floor.median > 0 ? floor.median / dev.floor.median : NaN,
      e2eToDev: dev.e2e.median > 0 ? e2e.median / dev.e2e.median : NaN,
      receiptP99: figure(runs.map((f) => f.e2e.receiptP99)),
      acceptP99AtOne: figure(runs.map((f) => f.acceptAtOne.p99)),
      persistenceRequests: figure(runs.map((f) => f.perCallback.persistenceRequests)),
      actions: figure(runs.map((f) => f.perCallback.actions)),
      cores: Object.fromEntries(cores),
    };
  });
}

/** Work per callback as a + b·D, from the D = 1 and D = 3 measurements. */
export function serverWorkModel(results: ClusterResults) {
  const one = results.serverWork.find((w) => w.destinations === 1);
  const three = results.serverWork.find((w) => w.destinations === 3);
  if (!one || !three) return undefined;
  const line = (k: 'persistenceRequests' | 'serverCpuMs' | 'postgresCpuMs' | 'actions') => {
    const perDestination = (three[k] - one[k]) / 2;
    return { base: one[k] - perDestination, perDestination };
  };
  return {
    persistenceRequests: line('persistenceRequests'),
    serverCpuMs: line('serverCpuMs'),
    postgresCpuMs: line('postgresCpuMs'),
    actions: line('actions'),
  };
}

function workRow(results: ClusterResults): string[] {
  const model = serverWorkModel(results);
  if (!model) return [];
  const per = (name: string, m: { base: number; perDestination: number }, digits: number) =>
    `${name} ${fmt(m.base, digits)} + ${fmt(m.perDestination, digits)}·D`;
  const measured = results.serverWork
    .map(
      (w) =>
        `D=${w.destinations}: ${fmt(w.persistenceRequests, 1)} requests, ${fmt(w.serverCpuMs)} + ${fmt(w.postgresCpuMs)} ms CPU`,
    )
    .join('; ');
  return [
    `| 13 | server work per callback (${results.serverWork[0].callbacks} callbacks each; ${measured}) | ${per('persistence requests', model.persistenceRequests, 1)}; ${per('temporal-server CPU ms', model.serverCpuMs, 0)}; ${per('PostgreSQL CPU ms', model.postgresCpuMs, 0)}; ${per('actions (server metric)', model.actions, 1)} | |`,
  ];
}

export function clusterRows(results: ClusterResults, dev: { floor: Figure; e2e: Figure }, concurrency: number): string[] {
  return [
    ...clusterSummary(results, dev).flatMap((c) => [
      `| 13 | temporal-server on PostgreSQL, ${c.workers} worker process(es): accept path, c=1 | p99 ${fmtFigure(c.acceptP99AtOne, 1)} ms | target ≤ 25 ms: ${c.acceptP99AtOne.median <= 25 ? 'met' : 'missed'} |`,
      `| 13 | temporal-server on PostgreSQL (${results.shards} shards), ${c.workers} worker process(es): floor, c=${concurrency} | ${fmtFigure(c.floor)} callbacks/s | ${fmt(c.floorToDev, 2)}× the dev server's floor |`,
      `| 13 | same, end to end | ${fmtFigure(c.e2e)} callbacks/s; accept→receipt p99 ${fmt(c.receiptP99.median)} ms; per callback ${fmtFigure(c.persistenceRequests, 1)} persistence requests, ${fmtFigure(c.actions, 1)} actions (server metrics); cores ${Object.entries(
        c.cores,
      )
        .map(([k, f]) => `${k} ${fmt(f.median, 2)}`)
        .join(', ')} | ${fmtFigure(c.e2eToFloor, 2)}× its floor; ${fmt(c.e2eToDev, 2)}× the dev server's end to end |`,
    ]),
    ...workRow(results),
  ];
}
