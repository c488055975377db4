/**
 * Gauges for the durable queues: how many items wait in each and how long the oldest has waited. A
 * growing depth or age is the first sign that deliveries, notices or messages are stuck. They are
 * read only when a metric reader collects (once a minute by default), never while no exporter runs.
 */
import { metrics } from '@opentelemetry/api';
import { METER_NAME, METRIC } from './metrics';

export interface QueueDepth {
  depth(): Promise<{ readonly items: number; readonly oldestQueuedAt: number | undefined }>;
}

/** Observes `queues` (by the name an operator filters on) until the returned function is called. */
export function observeQueues(queues: Readonly<Record<string, QueueDepth>>, now: () => number = Date.now): () => void {
  const meter = metrics.getMeter(METER_NAME);
  const depth = meter.createObservableGauge(METRIC.queueDepth, { description: 'Items waiting in a durable queue', unit: '{item}' });
  const oldest = meter.createObservableGauge(METRIC.queueOldestAge, { description: 'How long the oldest item in a durable queue has waited', unit: 's' });
  const observe = async (result: Parameters<Parameters<typeof meter.addBatchObservableCallback>[0]>[0]) => {
    await Promise.all(
      Object.entries(queues).map(async ([queue, reader]) => {
        // A store that does not answer now leaves a gap in the chart; readiness reports the store.
        const read = await reader.depth().catch(() => undefined);
        if (!read) return;
        result.observe(depth, read.items, { queue });
        result.observe(oldest, read.oldestQueuedAt === undefined ? 0 : Math.max(0, (now() - read.oldestQueuedAt) / 1000), { queue });
      }),
    );
  };
  meter.addBatchObservableCallback(observe, [depth, oldest]);
  return () => meter.removeBatchObservableCallback(observe, [depth, oldest]);
}
