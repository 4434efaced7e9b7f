/**
 * Metrics on `prom-client`, one registry per server (tests run several in one process), with the
 * process's own metrics (CPU, memory, event-loop lag, GC). Callers name the labels up front.
 */
import { collectDefaultMetrics, Counter as PromCounter, Gauge as PromGauge, Histogram, Registry } from 'prom-client';

type Labels = Record<string, string>;

export interface Counter {
  inc(labels?: Labels, by?: number): void;
}
export interface Gauge {
  set(value: number, labels?: Labels): void;
  inc(labels?: Labels, by?: number): void;
}
export interface Timer {
  /** Records one duration, in seconds. */
  observe(seconds: number, labels?: Labels): void;
}

export interface MetricOptions {
  labels?: readonly string[];
}

export interface Metrics {
  counter(name: string, help: string, options?: MetricOptions): Counter;
  /** `collect` runs at every scrape and returns the value (e.g. the age of the oldest queued row). */
  gauge(name: string, help: string, options?: MetricOptions & { collect?: () => number | Promise<number> }): Gauge;
  histogram(name: string, help: string, options?: MetricOptions & { buckets?: number[] }): Timer;
  render(): Promise<string>;
  contentType: string;
}

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = (options?: MetricOptions) => [...(options?.labels ?? [])];
  return {
    counter(name, help, options) {
      const counter = new PromCounter({ name, help, labelNames: labelNames(options), registers: [registry] });
      return { inc: (labels = {}, by = 1) => counter.inc(labels, by) };
    },
    gauge(name, help, options) {
      const collect = options?.collect;
      const gauge: PromGauge = new PromGauge({
        name,
        help,
        labelNames: labelNames(options),
        registers: [registry],
        ...(collect ? { collect: async () => gauge.set(await collect()) } : {}),
      });
      return {
        set: (value, labels = {}) => gauge.set(labels, value),
        inc: (labels = {}, by = 1) => gauge.inc(labels, by),
      };
    },
    histogram(name, help, options) {
      const histogram = new Histogram({
        name,
        help,
        labelNames: labelNames(options),
        buckets: options?.buckets ?? SECONDS_BUCKETS,
        registers: [registry],
      });
      return { observe: (seconds, labels = {}) => histogram.observe(labels, seconds) };
    },
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
