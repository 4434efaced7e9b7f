/**
 * A minimal Prometheus registry (counters and gauges with labels), enough for /metrics without a
 * dependency. Label values are escaped per the text exposition format.
 */
export interface Counter {
  inc(labels?: Record<string, string>, by?: number): void;
}
export interface Gauge {
  set(value: number, labels?: Record<string, string>): void;
  inc(labels?: Record<string, string>, by?: number): void;
}

export interface Metrics {
  counter(name: string, help: string): Counter;
  gauge(name: string, help: string): Gauge;
  render(): string;
}

const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labelKey = (labels: Record<string, string> = {}) =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}="${escape(labels[k] ?? '')}"`)
    .join(',');

export function createMetrics(): Metrics {
  const series = new Map<string, { help: string; type: 'counter' | 'gauge'; values: Map<string, number> }>();
  const family = (name: string, help: string, type: 'counter' | 'gauge') => {
    let f = series.get(name);
    if (!f) {
      f = { help, type, values: new Map() };
      series.set(name, f);
    }
    return f;
  };
  return {
    counter(name, help) {
      const f = family(name, help, 'counter');
      return { inc: (labels, by = 1) => f.values.set(labelKey(labels), (f.values.get(labelKey(labels)) ?? 0) + by) };
    },
    gauge(name, help) {
      const f = family(name, help, 'gauge');
      return {
        set: (value, labels) => f.values.set(labelKey(labels), value),
        inc: (labels, by = 1) => f.values.set(labelKey(labels), (f.values.get(labelKey(labels)) ?? 0) + by),
      };
    },
    render() {
      const lines: string[] = [];
      for (const [name, f] of series) {
        lines.push(`# HELP ${name} ${f.help}`, `# TYPE ${name} ${f.type}`);
        if (f.values.size === 0) lines.push(`${name} 0`);
        for (const [labels, value] of f.values) lines.push(labels ? `${name}{${labels}} ${value}` : `${name} ${value}`);
      }
      return lines.join('\n') + '\n';
    },
  };
}
