/**
 * A small Prometheus text registry: counters, gauges and histograms with labels. The host's needs are
 * a dozen series; a full client library would cost more than it brings.
 */
type Labels = Record<string, string>;

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

abstract class Metric {
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  abstract render(): string[];
  /** The series' label text, as rendered; built on every request (three series each), so without a chain of copies. */
  protected static key(labels: Labels): string {
    const names = Object.keys(labels);
    if (names.length > 1) names.sort();
    let key = '';
    for (const name of names) {
      const value = labels[name]!;
      key += `${key === '' ? '' : ','}${name}="${NEEDS_ESCAPE.test(value) ? escapeLabel(value) : value}"`;
    }
    return key;
  }
}

export class Counter extends Metric {
  private readonly values = new Map<string, number>();
  inc(labels: Labels = {}, by = 1): void {
    const key = Metric.key(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }
  value(labels: Labels = {}): number {
    return this.values.get(Metric.key(labels)) ?? 0;
  }
  render(): string[] {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`, ...[...this.values].map(([key, value]) => `${this.name}${key ? `{${key}}` : ''} ${value}`)];
  }
}

export class Gauge extends Metric {
  private readonly values = new Map<string, number>();
  private collector?: () => number;
  set(value: number, labels: Labels = {}): void {
    this.values.set(Metric.key(labels), value);
  }
  inc(labels: Labels = {}, by = 1): void {
    const key = Metric.key(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }
  dec(labels: Labels = {}): void {
    this.inc(labels, -1);
  }
  /** Read the value at scrape time instead of tracking it. */
  collect(read: () => number): this {
    this.collector = read;
    return this;
  }
  render(): string[] {
    if (this.collector) this.values.set('', this.collector());
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`, ...[...this.values].map(([key, value]) => `${this.name}${key ? `{${key}}` : ''} ${value}`)];
  }
}

export class Histogram extends Metric {
  private readonly series = new Map<string, { counts: number[]; sum: number; count: number }>();
  constructor(name: string, help: string, private readonly buckets: readonly number[] = DURATION_BUCKETS) {
    super(name, help);
  }
  observe(value: number, labels: Labels = {}): void {
    const key = Metric.key(labels);
    let entry = this.series.get(key);
    if (!entry) this.series.set(key, (entry = { counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    for (let index = 0; index < this.buckets.length; index++) if (value <= this.buckets[index]!) entry.counts[index]!++;
    entry.sum += value;
    entry.count++;
  }
  /** The sum and count observed for `labels` (what a Prometheus query would rate), for tests and benchmarks. */
  total(labels: Labels = {}): { sum: number; count: number } {
    const entry = this.series.get(Metric.key(labels));
    return { sum: entry?.sum ?? 0, count: entry?.count ?? 0 };
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [key, entry] of this.series) {
      const prefix = key ? `${key},` : '';
      this.buckets.forEach((bound, index) => lines.push(`${this.name}_bucket{${prefix}le="${bound}"} ${entry.counts[index]}`));
      lines.push(`${this.name}_bucket{${prefix}le="+Inf"} ${entry.count}`);
      lines.push(`${this.name}_sum${key ? `{${key}}` : ''} ${entry.sum}`);
      lines.push(`${this.name}_count${key ? `{${key}}` : ''} ${entry.count}`);
    }
    return lines;
  }
}

const NEEDS_ESCAPE = /[\\\n"]/;

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

/** The host's series. Label values are bounded sets (routes, tool names, outcomes), never user input. */
export class HostMetrics {
  readonly httpRequests = new Counter('gauzy_mcp_http_requests_total', 'HTTP requests by route, method and status.');
  readonly httpDuration = new Histogram('gauzy_mcp_http_request_duration_seconds', 'HTTP request latency by route.');
  readonly toolCalls = new Counter('gauzy_mcp_tool_calls_total', 'Tool calls by tool and outcome (ok or the error code).');
  readonly toolDuration = new Histogram('gauzy_mcp_tool_call_duration_seconds', 'Tool call latency by tool.');
  readonly sessions = new Gauge('gauzy_mcp_sessions_active', 'Sessions (2025 revisions) live on this instance.');
  readonly sessionsOpened = new Counter('gauzy_mcp_sessions_opened_total', 'Sessions opened (2025 revisions), by transport.');
  readonly streams = new Gauge('gauzy_mcp_sse_streams_open', 'Server-sent event streams open on this instance.');
  readonly webSockets = new Gauge('gauzy_mcp_websocket_connections', 'WebSocket connections open on this instance.');
  readonly answers = new Counter('gauzy_mcp_answers_total', 'MCP requests by era (2026-07-28, or session for the 2025 revisions) and by what answered them: direct (the catalog) or sdk (a server instance).');
  readonly rateLimited = new Counter('gauzy_mcp_rate_limited_total', 'Requests refused by the rate limit.');
  readonly livePolls = new Counter('gauzy_mcp_live_polls_total', 'Live view poll rounds on this instance, by outcome: baseline, unchanged, changed, failed, or standby (another instance polls it).');
  readonly liveWatches = new Gauge('gauzy_mcp_live_watches', 'Live views (an identity and a resource) with subscribers on this instance.');

  render(): string {
    const metrics: Metric[] = [this.httpRequests, this.httpDuration, this.toolCalls, this.toolDuration, this.sessions, this.sessionsOpened, this.streams, this.webSockets, this.answers, this.rateLimited, this.livePolls, this.liveWatches];
    return `${metrics.flatMap((metric) => metric.render()).join('\n')}\n`;
  }
}
