/** Runs `operation` `iterations` times with `concurrency` in flight and reports latency percentiles and throughput. */
export interface Measurement {
  name: string;
  iterations: number;
  concurrency: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
}

export async function measure(name: string, operation: () => Promise<unknown>, options: { iterations: number; concurrency: number; warmup?: number }): Promise<Measurement> {
  for (let i = 0; i < (options.warmup ?? Math.min(200, options.iterations / 5)); i++) await operation();
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < options.iterations) {
      next++;
      const t0 = performance.now();
      await operation();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return summarise(name, latencies, options.concurrency, elapsed);
}

/**
 * Two operations measured side by side, one in flight: each iteration runs both, in alternating order, so a
 * drift of the thing both depend on (a real Gauzy warming its caches, collecting garbage, a noisy neighbour)
 * falls on both alike instead of on whichever block of iterations it happened to overlap.
 */
export async function measurePaired(
  first: { name: string; operation: () => Promise<unknown> },
  second: { name: string; operation: () => Promise<unknown> },
  options: { iterations: number; warmup?: number },
): Promise<[Measurement, Measurement]> {
  for (let i = 0; i < (options.warmup ?? Math.min(200, options.iterations / 5)); i++) {
    await first.operation();
    await second.operation();
  }
  const latencies: [number[], number[]] = [[], []];
  const timed = async (index: 0 | 1) => {
    const t0 = performance.now();
    await (index === 0 ? first : second).operation();
    latencies[index].push(performance.now() - t0);
  };
  for (let i = 0; i < options.iterations; i++) {
    const order: [0 | 1, 0 | 1] = i % 2 === 0 ? [0, 1] : [1, 0];
    await timed(order[0]);
    await timed(order[1]);
  }
  // Each one's rate over its own time alone: the other's share of the loop is not its.
  const ownSeconds = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / 1000;
  return [summarise(first.name, latencies[0], 1, ownSeconds(latencies[0])), summarise(second.name, latencies[1], 1, ownSeconds(latencies[1]))];
}

function summarise(name: string, latencies: number[], concurrency: number, seconds: number): Measurement {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
  return { name, iterations: latencies.length, concurrency, perSecond: Math.round(latencies.length / seconds), p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function table(rows: Measurement[], baseline?: Measurement): string {
  const header = '| scenario | iterations | concurrency | req/s | p50 ms | p90 ms | p99 ms | p50 vs baseline |\n|---|---|---|---|---|---|---|---|';
  const lines = rows.map((row) => `| ${row.name} | ${row.iterations} | ${row.concurrency} | ${row.perSecond} | ${row.p50} | ${row.p90} | ${row.p99} | ${baseline ? `${(row.p50 / baseline.p50).toFixed(2)}×` : ''} |`);
  return [header, ...lines].join('\n');
}
