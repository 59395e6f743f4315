import { Counter, Gauge, Histogram, register, collectDefaultMetrics, type CounterConfiguration, type GaugeConfiguration, type HistogramConfiguration } from 'prom-client';

let defaultsCollected = false;

/** Node process metrics once per process (tests start several services in one process). */
export function collectProcessMetrics(): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics();
}

// Metrics are process-wide; get-or-create keeps a second consumer or service instance in the same
// process (as in integration tests) from failing on a duplicate registration.
export function counter<T extends string>(config: CounterConfiguration<T>): Counter<T> {
  return (register.getSingleMetric(config.name) as Counter<T>) ?? new Counter(config);
}

export function gauge<T extends string>(config: GaugeConfiguration<T>): Gauge<T> {
  return (register.getSingleMetric(config.name) as Gauge<T>) ?? new Gauge(config);
}

export function histogram<T extends string>(config: HistogramConfiguration<T>): Histogram<T> {
  return (register.getSingleMetric(config.name) as Histogram<T>) ?? new Histogram(config);
}

export const metricsRegistry = register;
