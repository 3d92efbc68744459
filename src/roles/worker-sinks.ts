import { makeWorkflowExporter } from '@temporalio/interceptors-opentelemetry';
import type { InjectedSinks } from '@temporalio/worker';
import type { Sink } from '@temporalio/workflow';
import type { DeliveryFinished } from '../contracts';
import type { Metrics } from '../telemetry/metrics';
import { tracing } from '../telemetry/tracing';

/**
 * The sinks every worker registers: the one Temporal's workflow interceptors export workflow
 * spans through, and Barrage's finished-delivery (and dead-letter) metrics. Sinks are not called on replay.
 */
export function workerSinks(metrics?: Metrics): InjectedSinks<Record<string, Sink>> {
  const { spanProcessor, resource } = tracing();
  return {
    exporter: makeWorkflowExporter(spanProcessor, resource),
    barrageMetrics: {
      deliveryFinished: {
        fn(_info, finished: DeliveryFinished) {
          const labels = { tenant: finished.tenant, destination: finished.destination };
          metrics?.deliveries.inc({ ...labels, status: finished.status });
          if (finished.deadLetter) metrics?.deadLetters.inc({ ...labels, status: finished.status });
          if (finished.status === 'delivered')
            metrics?.deliveryLatency.observe(labels, Math.max(0, Date.now() - Date.parse(finished.receivedAt)) / 1000);
        },
      },
    },
  } as InjectedSinks<Record<string, Sink>>;
}
